package org.onesignin.hub.account;

/**
 * Whether a linked service has acknowledged every change sent to it.
 */
public enum SyncState {

	IN_SYNC, PENDING

}
