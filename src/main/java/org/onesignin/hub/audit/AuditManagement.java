package org.onesignin.hub.audit;

import org.onesignin.hub.access.AccessPolicy;
import org.onesignin.hub.access.AccessRequest;
import org.onesignin.hub.access.Operation;
import org.onesignin.hub.shared.Caller;
import org.onesignin.hub.shared.Page;
import org.onesignin.hub.shared.PageRequest;
import org.onesignin.hub.shared.SignedIn;
import org.springframework.stereotype.Service;

/**
 * Application service for the access log: only the owner reads who accessed their
 * account.
 */
@Service
public class AuditManagement {

	private final AccessLog accessLog;

	private final AccessPolicy policy;

	AuditManagement(AccessLog accessLog, AccessPolicy policy) {
		this.accessLog = accessLog;
		this.policy = policy;
	}

	@SignedIn
	public Page<AccessLogEntry> accessLog(Caller caller, String accountId, PageRequest page) {
		this.policy.authorize(AccessRequest.of(caller, Operation.READ_ACCESS_LOG).onAccount(accountId));
		return this.accessLog.page(accountId, page);
	}

}
