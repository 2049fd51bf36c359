package org.onesignin.hub.audit;

import org.onesignin.hub.shared.Caller;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Window;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Application service for the access log: only the owner reads who accessed their
 * account.
 */
@Service
public class AuditManagement {

	private final AccessLog accessLog;

	AuditManagement(AccessLog accessLog) {
		this.accessLog = accessLog;
	}

	@PreAuthorize("isAuthenticated()")
	public Window<AccessLogEntry> accessLog(Caller caller, String accountId, ScrollPosition position, int count) {
		if (!caller.isSelfService(accountId)) {
			throw new AccessDeniedException("Only the owner reads the access log");
		}
		return this.accessLog.page(accountId, position, count);
	}

}
