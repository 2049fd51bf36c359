package org.onesignin.hub.account;

import java.util.List;

import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Window;

/**
 * Port: the field-level change history of accounts.
 */
public interface ChangeHistory {

	/** Stores entries; storing an entry twice keeps one (relaying is at least once). */
	void saveAll(List<ChangeHistoryEntry> entries);

	/** The account's entries oldest first, from the position on. */
	Window<ChangeHistoryEntry> page(AccountId accountId, ScrollPosition position, int count);

	List<ChangeHistoryEntry> all(AccountId accountId);

	void deleteAll(AccountId accountId);

}
