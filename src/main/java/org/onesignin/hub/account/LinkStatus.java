package org.onesignin.hub.account;

/**
 * Status of the link between an identity and one service account.
 */
public enum LinkStatus {

	ACTIVE, CANCELLED

}
