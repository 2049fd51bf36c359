package org.onesignin.hub.audit;

import java.util.List;

import org.onesignin.hub.shared.Page;
import org.onesignin.hub.shared.PageRequest;

/**
 * Port: the append-only access log.
 */
public interface AccessLog {

	/**
	 * Appends the entry unless the log already holds one with its id: appending the same
	 * entry twice (or concurrently) keeps the first, and never fails for it.
	 */
	void append(AccessLogEntry entry);

	/** {@link #append} for many entries, in one write. */
	void appendAll(List<AccessLogEntry> entries);

	/** The account's entries, oldest first, from the position on. */
	Page<AccessLogEntry> page(String accountId, PageRequest page);

}
