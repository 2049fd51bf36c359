package org.onesignin.hub.account.persistence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.onesignin.hub.account.AccountStatus;
import org.onesignin.hub.account.ChangedField;
import org.onesignin.hub.mail.MailKind;
import org.onesignin.hub.account.LinkStatus;
import org.onesignin.hub.shared.BasicDetailField;
import org.onesignin.hub.shared.CallerKind;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One identity in one document: details, revision, links, sync positions and the outbox
 * of events and history entries not yet relayed. {@code version} guards every decided
 * change; {@code signInEmailKey} is the lower-cased email under a unique index (the
 * embedded store has no case-insensitive collation) once the address is verified, and
 * {@code unverified:<id>} before that, so an unverified registration never holds the
 * address against its owner; {@code emailKey} is the lower-cased email whatever its state
 * (absent in identities stored before verification existed, which count as verified).
 * {@code pendingMails} hold the mails a change produced until they are handed to the mail
 * outbox. {@code relayDue} and {@code mailsDue} (indexed) mark a document whose outbox or
 * pending mails are not empty, written in the same update that fills them and cleared
 * once they are empty, so the sweeps look them up instead of reading every identity.
 */
@Document("accounts")
record AccountDocument(@Id String id, String signInEmailKey, String emailKey, String passwordHash,
		CredentialsDocument credentials, AccountStatus status, int revision, long version, BasicDetailsDocument details,
		List<LinkDocument> links, Map<String, Integer> emittedRevisions, Map<String, Integer> acknowledgedRevisions,
		List<ServiceChangeDocument> outbox, List<HistoryDocument> pendingHistory, List<MailDocument> pendingMails,
		Instant createdAt, Instant updatedAt, Instant closedAt, Instant erasedAt, Boolean relayDue, Boolean mailsDue) {

	/** {@code emailVerified} null: stored before verification existed (verified). */
	record CredentialsDocument(Boolean emailVerified, ConfirmationDocument emailConfirmation,
			ConfirmationDocument passwordReset, Boolean claimPending) {
	}

	record ConfirmationDocument(String email, String tokenHash, Instant expiresAt, Instant requestedAt) {
	}

	record MailDocument(String mailId, MailKind kind, String to, String language, Map<String, String> values) {
	}

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

	record HistoryDocument(String entryId, String accountId, int revision, ChangedField field, String before,
			String after, OriginDocument origin, Instant time) {
	}

}
