package org.onesignin.hub.shared;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes a secret (a signing key, a signing secret) to a file readable by the hub's user
 * only from its first byte, and in place atomically, so a crash never leaves half a key.
 */
public final class SecretFiles {

	private SecretFiles() {
	}

	public static void write(Path file, String content) throws IOException {
		Files.createDirectories(file.toAbsolutePath().getParent());
		Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
		// a temporary left by a crash may carry other permissions: start afresh
		Files.deleteIfExists(temporary);
		createOwnerOnly(temporary);
		Files.writeString(temporary, content, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
		Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
	}

	private static void createOwnerOnly(Path file) throws IOException {
		try {
			FileAttribute<?> ownerOnly = PosixFilePermissions
				.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
			Files.createFile(file, ownerOnly);
		}
		catch (UnsupportedOperationException ex) {
			// not a POSIX file system: its own access rules apply
			Files.createFile(file);
		}
	}

}
