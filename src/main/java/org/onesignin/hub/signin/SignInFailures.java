package org.onesignin.hub.signin;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;

/**
 * Port: failed sign-ins counted per key (an identity's or an address's hash), shared by
 * every instance, each key with its lockout.
 */
public interface SignInFailures {

	/** Whether any of the keys is locked out at {@code now}. */
	boolean anyLocked(Collection<String> keys, Instant now);

	/**
	 * Counts one attempt of the key and returns its attempts within the window (the count
	 * starts again once the window has passed since its first attempt).
	 */
	long attempted(String key, Instant now, Duration window);

	/** Takes back one attempt of the key (it succeeded). */
	void succeeded(String key);

	/** Locks the key out until then; its count starts again. */
	void lock(String key, Instant until);

	/** Forgets the key's failures (a successful sign-in of the identity). */
	void forget(String key);

}
