package org.onesignin.hub.account;

/**
 * Port: where relayed events go (each service's change feed). Appending an event that is
 * already there keeps the first copy, so relaying may safely repeat after a crash.
 */
public interface ServiceChangeSink {

	void append(ServiceChange change);

}
