package org.onesignin.hub.audit;

import java.util.List;

/**
 * Port: the append-only access log.
 */
public interface AccessLog {

	void append(AccessLogEntry entry);

	/** The account's entries, oldest first. */
	List<AccessLogEntry> forAccount(String accountId);

}
