package org.onesignin.hub.preferences.persistence;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.bson.Document;

/**
 * A consent ledger in its former shape, one document per person, built by name and
 * written raw exactly as the hub stored it before issue 9 (null fields left out, no type
 * hints): {@code aLegacyLedgerOf(id).recording("sony-europe", "PHONE", "NOT_ASKED",
 * "GRANTED").withUnrelayedEvent("my-sony", serviceAccountId)}. Every record is the
 * person's own on the account pages, a minute after the one before.
 */
final class LegacyConsentLedger {

	private final String accountId;

	private final List<Document> records = new ArrayList<>();

	private final List<Document> outbox = new ArrayList<>();

	private Instant time = Instant.now().minus(1, ChronoUnit.DAYS);

	private LegacyConsentLedger(String accountId) {
		this.accountId = accountId;
	}

	static LegacyConsentLedger aLegacyLedgerOf(String accountId) {
		return new LegacyConsentLedger(accountId);
	}

	/** A change of one company's consent on one channel. */
	LegacyConsentLedger recording(String companyId, String channel, String previousState, String newState) {
		Document record = record("CHANNEL_MARKETING", previousState, newState);
		record.put("companyId", companyId);
		record.put("channel", channel);
		this.records.add(record);
		return this;
	}

	LegacyConsentLedger recordingGroupNews(String previousState, String newState) {
		this.records.add(record("GROUP_NEWS", previousState, newState));
		return this;
	}

	/**
	 * An event the last record caused, still in the outbox: the relay had not moved it.
	 */
	LegacyConsentLedger withUnrelayedEvent(String serviceId, String serviceAccountId) {
		Document event = new Document("eventId", UUID.randomUUID().toString())
			.append("type", "marketing-preferences.changed")
			.append("accountId", this.accountId)
			.append("serviceId", serviceId)
			.append("serviceAccountId", serviceAccountId)
			.append("revision", 1)
			.append("time", Date.from(this.time))
			.append("changedFields", List.of())
			.append("data", new Document("companyId", "sony-europe").append("channels", List.of()))
			.append("origin", new Document("actorKind", "USER").append("actorId", this.accountId)
				.append("companyId", "sony-europe"));
		this.outbox.add(event);
		return this;
	}

	List<String> recordIds() {
		return this.records.stream().map((record) -> record.getString("recordId")).toList();
	}

	List<String> eventIds() {
		return this.outbox.stream().map((event) -> event.getString("eventId")).toList();
	}

	Document toDocument() {
		return new Document("_id", this.accountId).append("version", (long) this.records.size())
			.append("records", this.records)
			.append("outbox", this.outbox);
	}

	private Document record(String purpose, String previousState, String newState) {
		this.time = this.time.plus(1, ChronoUnit.MINUTES);
		Map<String, Object> record = new LinkedHashMap<>();
		record.put("recordId", UUID.randomUUID().toString());
		record.put("accountId", this.accountId);
		record.put("purpose", purpose);
		record.put("previousState", previousState);
		record.put("newState", newState);
		record.put("policyVersion", "v1");
		record.put("actorKind", "USER");
		record.put("actorId", this.accountId);
		record.put("actingCompanyId", "sony-europe");
		record.put("source", "ACCOUNT_PAGES");
		record.put("time", Date.from(this.time));
		return new Document(record);
	}

}
