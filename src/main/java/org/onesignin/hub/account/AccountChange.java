package org.onesignin.hub.account;

import java.time.Instant;
import java.util.List;

/**
 * Everything one accepted change writes to an account, applied as one atomic update
 * conditioned on the version the change was decided on: the new details and revision (if
 * basic details changed), the links (if one was made or cancelled), the status (if the
 * identity was closed), and the events and history entries the change produced (the
 * outbox), so a crash can never keep the change and lose its events.
 */
public record AccountChange(AccountId accountId, long expectedVersion, Integer newRevision, BasicDetails newDetails,
		List<LinkedAccount> links, AccountStatus newStatus, List<ServiceChange> events,
		List<ChangeHistoryEntry> history, Instant time) {

	public AccountChange {
		links = (links != null) ? List.copyOf(links) : null;
		events = List.copyOf(events);
		history = List.copyOf(history);
	}

	/**
	 * A decision that writes nothing (an idempotent repeat, or no effective difference).
	 */
	static AccountChange none(AccountId accountId, long version, Instant time) {
		return new AccountChange(accountId, version, null, null, null, null, List.of(), List.of(), time);
	}

	public boolean isEmpty() {
		return this.newDetails == null && this.links == null && this.newStatus == null && this.events.isEmpty()
				&& this.history.isEmpty();
	}

}
