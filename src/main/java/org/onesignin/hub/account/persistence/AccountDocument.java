package org.onesignin.hub.account.persistence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.onesignin.hub.account.AccountStatus;
import org.onesignin.hub.account.LinkStatus;
import org.onesignin.hub.shared.BasicDetailField;
import org.onesignin.hub.shared.CallerKind;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One identity in one document: details, revision, links, sync positions and the outbox
 * of events and history entries not yet relayed. {@code version} guards every decided
 * change; {@code signInEmailKey} is the lower-cased email under a unique index (the
 * embedded store has no case-insensitive collation).
 */
@Document("accounts")
record AccountDocument(@Id String id, String signInEmailKey, String passwordHash, AccountStatus status, int revision,
		long version, BasicDetailsDocument details, List<LinkDocument> links, Map<String, Integer> emittedRevisions,
		Map<String, Integer> acknowledgedRevisions, List<ServiceChangeDocument> outbox,
		List<HistoryDocument> pendingHistory, Instant createdAt, Instant updatedAt, Instant closedAt,
		Instant erasedAt) {

	record BasicDetailsDocument(String givenName, String familyName, String email, LocalDate dateOfBirth,
			String country, String language, String phone, PostalAddressDocument postalAddress) {
	}

	record PostalAddressDocument(String streetAddress, String locality, String region, String postalCode,
			String country) {
	}

	record LinkDocument(String serviceId, String serviceAccountId, LinkStatus status, Instant linkedAt,
			Instant cancelledAt, String cancelledBy) {
	}

	record OriginDocument(CallerKind actorKind, String actorId, String companyId, String serviceId, String ticket) {
	}

	record ServiceChangeDocument(String eventId, String type, String accountId, String serviceId,
			String serviceAccountId, int revision, Instant time, List<BasicDetailField> changedFields,
			Map<String, Object> data, OriginDocument origin) {
	}

	record HistoryDocument(String entryId, String accountId, int revision, BasicDetailField field, String before,
			String after, OriginDocument origin, Instant time) {
	}

}
