package org.onesignin.hub.account;

import java.time.Instant;
import java.util.List;

/**
 * Everything one accepted change writes to an account, applied as one atomic update
 * conditioned on the version the change was decided on: the new details and revision (if
 * basic details changed), a new link (if one was made), and the events and history entries
 * the change produced (the outbox), so a crash can never keep the change and lose its events.
 */
public record AccountChange(AccountId accountId, long expectedVersion, Integer newRevision, BasicDetails newDetails,
		LinkedAccount newLink, List<ServiceChange> events, List<ChangeHistoryEntry> history, Instant time) {

	public AccountChange {
		events = List.copyOf(events);
		history = List.copyOf(history);
	}

	public boolean isEmpty() {
		return this.newDetails == null && this.newLink == null && this.events.isEmpty() && this.history.isEmpty();
	}

}
