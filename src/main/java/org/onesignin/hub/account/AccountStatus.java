package org.onesignin.hub.account;

/**
 * Lifecycle of a One Sign In identity.
 */
public enum AccountStatus {

	ACTIVE,
	/** Closed by its owner; basic details are kept until the retention period ends. */
	CLOSED,
	/**
	 * Closed and past retention: details and credentials erased, pseudonymous id kept.
	 */
	ERASED

}
