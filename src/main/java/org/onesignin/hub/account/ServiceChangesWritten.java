package org.onesignin.hub.account;

/**
 * A change was written with service changes in an outbox: the account's own outbox (with
 * its change history) when {@code outbox} is null, the named outbox of another module
 * otherwise. The relay moves them to the feeds at once; its sweep catches whatever a
 * crash left behind.
 */
public record ServiceChangesWritten(String ownerId, String outbox) {

	public static ServiceChangesWritten inAccount(AccountId accountId) {
		return new ServiceChangesWritten(accountId.value(), null);
	}

	public static ServiceChangesWritten in(String outbox, String ownerId) {
		return new ServiceChangesWritten(ownerId, outbox);
	}

}
