package org.onesignin.hub.preferences.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.onesignin.hub.preferences.Channel;
import org.onesignin.hub.preferences.ConsentPurpose;
import org.onesignin.hub.preferences.ConsentSource;
import org.onesignin.hub.preferences.ConsentState;
import org.onesignin.hub.shared.BasicDetailField;
import org.onesignin.hub.shared.CallerKind;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One person's consent records and the outbox of events they produced; id = account id.
 */
@Document("consent_ledgers")
record ConsentLedgerDocument(@Id String id, long version, List<RecordDocument> records, List<EventDocument> outbox) {

	record RecordDocument(String recordId, String accountId, ConsentPurpose purpose, String companyId, Channel channel,
			String address, ConsentState previousState, ConsentState newState, String policyVersion,
			CallerKind actorKind, String actorId, String actingCompanyId, String serviceId, ConsentSource source,
			String ticket, GuardianDocument guardian, Instant time) {
	}

	record GuardianDocument(String name, String method) {
	}

	record OriginDocument(CallerKind actorKind, String actorId, String companyId, String serviceId, String ticket) {
	}

	record EventDocument(String eventId, String type, String accountId, String serviceId, String serviceAccountId,
			int revision, Instant time, List<BasicDetailField> changedFields, Map<String, Object> data,
			OriginDocument origin) {
	}

}
