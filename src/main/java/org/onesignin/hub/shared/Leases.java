package org.onesignin.hub.shared;

import java.time.Duration;
import java.util.OptionalLong;

/**
 * Port: named leases held in the store, so that background work runs on one hub instance
 * at a time and is taken over when its holder dies. Every takeover starts a new, higher
 * epoch: work fenced with its epoch is refused once a later holder exists.
 */
public interface Leases {

	/**
	 * Takes or renews the lease for this instance: its epoch, or empty while another live
	 * instance holds it.
	 */
	OptionalLong acquire(String name, Duration duration);

	default boolean tryAcquire(String name, Duration duration) {
		return acquire(name, duration).isPresent();
	}

}
