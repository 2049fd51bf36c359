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
 * One change of a person's consent ledger: the records one decision appended and the
 * events they caused, kept here until relayed, so proof and propagation are written in
 * one insert. Id = account id + ":" + the zero-padded sequence (the ledger's version
 * after this change): two changes decided on the same version cannot both be stored.
 *
 * @param hasOutbox {@code true} while the outbox may hold events, absent otherwise (a
 * sparse index finds the pending changes)
 */
@Document(ConsentChangeDocument.COLLECTION)
record ConsentChangeDocument(@Id String id, String accountId, long sequence, List<RecordDocument> records,
		List<EventDocument> outbox, Boolean hasOutbox) {

	static final String COLLECTION = "consent_changes";

	static ConsentChangeDocument of(String accountId, long sequence, List<RecordDocument> records,
			List<EventDocument> outbox) {
		return new ConsentChangeDocument(id(accountId, sequence), accountId, sequence, records, outbox,
				outbox.isEmpty() ? null : Boolean.TRUE);
	}

	static String id(String accountId, long sequence) {
		return accountId + ":" + String.format("%019d", sequence);
	}

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
