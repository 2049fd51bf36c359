package org.onesignin.hub.partnersync;

import org.onesignin.hub.account.ServiceChange;

/**
 * Port: where relayed events go (each service's change feed). Appending an event that is
 * already there keeps the first copy, so relaying may safely repeat after a crash.
 * Appends are fenced with the relay's lease epoch: once a relay of a later epoch took
 * over, an earlier one can append nothing more, so a feed never gains an entry before a
 * cursor a reader already passed.
 */
public interface ServiceChangeSink {

	/** Appends the change; fails when a relay of a later epoch has taken over. */
	void append(ServiceChange change, long epoch);

	/**
	 * Appends the changes, each service's in their order, with a few store commands
	 * whatever their number; fails when a relay of a later epoch has taken over (what was
	 * appended before stays, and appending it again keeps it once).
	 */
	void appendAll(java.util.List<ServiceChange> changes, long epoch);

	/**
	 * Called once by a relay starting a new epoch: fences out earlier relays and closes
	 * every sequence they took but may never fill, so readers can move past them.
	 */
	void takeOver(long epoch);

}
