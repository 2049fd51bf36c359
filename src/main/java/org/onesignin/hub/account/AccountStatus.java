package org.onesignin.hub.account;

/**
 * Lifecycle of a One Sign In identity.
 */
public enum AccountStatus {

	ACTIVE, CLOSED

}
