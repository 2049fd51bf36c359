package org.onesignin.hub.audit;

import java.util.List;

/**
 * Port: the append-only access log.
 */
public interface AccessLog {

	void append(AccessLogEntry entry);

	/** The account's entries, oldest first. */
	List<AccessLogEntry> forAccount(String accountId);

	/** The account's entries, oldest first, from the position on. */
	org.onesignin.hub.shared.Page<AccessLogEntry> page(String accountId, org.onesignin.hub.shared.PageRequest page);

}
