package org.onesignin.hub.localissuer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.util.UUID;

import org.onesignin.hub.shared.SecretFiles;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

/**
 * The local issuer's RSA signing key, generated once and kept in a file, so that tokens
 * survive a restart (rather than the random per-start key the authorization-server
 * starter would silently supply).
 */
public final class LocalSigningKey {

	private final RSAKey key;

	private LocalSigningKey(RSAKey key) {
		this.key = key;
	}

	static LocalSigningKey loadOrCreate(Path file) {
		try {
			if (Files.exists(file)) {
				return new LocalSigningKey(RSAKey.parse(Files.readString(file, StandardCharsets.UTF_8)));
			}
			RSAKey key = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
			SecretFiles.write(file, key.toJSONString());
			return new LocalSigningKey(key);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read or write the local signing key " + file, ex);
		}
		catch (ParseException | JOSEException ex) {
			throw new IllegalStateException("Unusable local signing key " + file, ex);
		}
	}

	RSAKey jwk() {
		return this.key;
	}

	/** What the resource server trusts while the local issuer is on. */
	public RSAPublicKey publicKey() {
		try {
			return this.key.toRSAPublicKey();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
