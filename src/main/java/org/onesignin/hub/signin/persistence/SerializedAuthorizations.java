package org.onesignin.hub.signin.persistence;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;

import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;

/**
 * An authorization in JDK serialization, as Spring Session keeps a session: the
 * authorization request, the signed-in principal and the tokens' claims round-trip
 * exactly.
 */
final class SerializedAuthorizations {

	// the stored bytes never get to name an arbitrary class: only the JDK's, Spring's and
	// the hub's types are read back (no deserialization gadgets from a tampered store)
	static final ObjectInputFilter READABLE = ObjectInputFilter.Config
		.createFilter("maxdepth=40;maxrefs=20000;maxarray=100000;maxbytes=1000000;java.**;org.springframework.**;"
				+ "org.onesignin.hub.**;!*");

	private SerializedAuthorizations() {
	}

	static byte[] write(OAuth2Authorization authorization) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(4096);
		try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
			out.writeObject(authorization);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Authorization " + authorization.getId() + " is not serializable", ex);
		}
		return bytes.toByteArray();
	}

	static OAuth2Authorization read(String id, byte[] bytes) {
		try {
			return (OAuth2Authorization) readFiltered(bytes);
		}
		catch (IOException | ClassNotFoundException | ClassCastException ex) {
			throw new IllegalStateException("Stored authorization " + id + " cannot be read", ex);
		}
	}

	/** Any stored object of the sign-in (an authorization, a session attribute). */
	static Object readFiltered(byte[] bytes) throws IOException, ClassNotFoundException {
		try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
			in.setObjectInputFilter(READABLE);
			return in.readObject();
		}
	}

}
