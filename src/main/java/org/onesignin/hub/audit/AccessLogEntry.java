package org.onesignin.hub.audit;

import java.time.Instant;
import java.util.List;

import org.onesignin.hub.shared.CallerKind;

/**
 * One read or change of an account by someone other than its owner: who (actor kind and
 * id), for which company and through which service, what (action and fields), why
 * (ticket) and when.
 */
public record AccessLogEntry(String id, String accountId, CallerKind actorKind, String actorId, String companyId,
		String serviceId, String action, List<String> fields, String ticket, Instant time) {

	public AccessLogEntry {
		fields = List.copyOf(fields);
	}

}
