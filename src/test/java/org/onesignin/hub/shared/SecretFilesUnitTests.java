package org.onesignin.hub.shared;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Secret files are the hub user's alone, and a temporary file a crash left behind does
 * not pass its permissions on.
 */
class SecretFilesUnitTests {

	@TempDir
	Path directory;

	@Test
	void writesASecretReadableByTheOwnerOnly() throws IOException {
		Path file = this.directory.resolve("keys/secret");

		SecretFiles.write(file, "s3cr3t");

		assertThat(Files.readString(file)).isEqualTo("s3cr3t");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
	}

	@Test
	void replacesAWorldReadableTemporaryLeftByACrash() throws IOException {
		Path file = this.directory.resolve("secret");
		Path leftover = this.directory.resolve("secret.tmp");
		Files.writeString(leftover, "half a key");
		Files.setPosixFilePermissions(leftover, PosixFilePermissions.fromString("rw-rw-rw-"));

		SecretFiles.write(file, "whole key");

		assertThat(Files.readString(file)).isEqualTo("whole key");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		assertThat(leftover).doesNotExist();
	}

}
