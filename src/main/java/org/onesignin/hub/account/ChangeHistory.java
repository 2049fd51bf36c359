package org.onesignin.hub.account;

import java.util.List;

import org.onesignin.hub.shared.Page;
import org.onesignin.hub.shared.PageRequest;

/**
 * Port: the field-level change history of accounts.
 */
public interface ChangeHistory {

	/** Stores entries; storing an entry twice keeps one (relaying is at least once). */
	void saveAll(List<ChangeHistoryEntry> entries);

	/** The account's entries oldest first, from the position on. */
	Page<ChangeHistoryEntry> page(AccountId accountId, PageRequest page);

	void deleteAll(AccountId accountId);

}
