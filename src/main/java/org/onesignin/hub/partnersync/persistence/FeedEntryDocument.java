package org.onesignin.hub.partnersync.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.onesignin.hub.shared.BasicDetailField;
import org.onesignin.hub.shared.CallerKind;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A feed entry; the id is the event id, so appending the same event twice keeps one. */
@Document("service_changes")
record FeedEntryDocument(@Id String id, String serviceId, long sequence, String type, String accountId,
		String serviceAccountId, int revision, Instant time, List<BasicDetailField> changedFields,
		Map<String, Object> data, OriginDocument origin) {

	record OriginDocument(CallerKind actorKind, String actorId, String companyId, String serviceId, String ticket) {
	}

}
