package org.onesignin.hub.audit.persistence;

import java.time.Instant;
import java.util.List;

import org.onesignin.hub.shared.CallerKind;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

@Document("access_log")
record AccessLogDocument(@Id String id, String accountId, CallerKind actorKind, String actorId, String companyId,
		String serviceId, String action, List<String> fields, String ticket, Instant time) {
}
