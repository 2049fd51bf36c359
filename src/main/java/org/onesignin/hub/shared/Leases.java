package org.onesignin.hub.shared;

import java.time.Duration;

/**
 * Port: named leases held in the store, so that background work runs on one hub instance
 * at a time and is taken over when its holder dies.
 */
public interface Leases {

	/**
	 * Takes or renews the lease for this instance; false while another live instance
	 * holds it.
	 */
	boolean tryAcquire(String name, Duration duration);

}
