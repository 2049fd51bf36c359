package org.onesignin.hub.signin;

import java.time.Instant;
import java.util.List;

/**
 * Port: where the sign-in server's signing keys are kept, shared by every instance.
 */
public interface SigningKeyStore {

	/** The keys still published at {@code now}. */
	List<StoredSigningKey> published(Instant now);

	/**
	 * Stores a key for its slot unless another instance already stored one: true when
	 * this one is kept.
	 */
	boolean insertIfAbsent(StoredSigningKey key);

	/** Forgets keys no longer published at {@code now}. */
	void removeUnpublished(Instant now);

	/**
	 * A signing key as stored.
	 *
	 * @param slot the rotation slot the key signs for (unique)
	 * @param jwk the key pair as a JSON Web Key
	 * @param activeFrom when it starts signing
	 * @param activeUntil when the next key takes over
	 * @param publishUntil when the last token it signed has expired
	 */
	record StoredSigningKey(String slot, String jwk, Instant activeFrom, Instant activeUntil, Instant publishUntil) {
	}

}
