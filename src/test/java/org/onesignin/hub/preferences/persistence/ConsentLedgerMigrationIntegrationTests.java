package org.onesignin.hub.preferences.persistence;

import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.onesignin.hub.partnersync.OutboxRelay;
import org.onesignin.hub.support.FeedEvent;
import org.onesignin.hub.support.HubIntegrationTest;
import org.onesignin.hub.support.LinkedAccountView;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onesignin.hub.preferences.persistence.LegacyConsentLedger.aLegacyLedgerOf;

/**
 * Issue 9's one-time migration: a ledger still stored as one growing document per person
 * is rewritten as one document per change without losing a record, its order or an
 * unrelayed event, and a run interrupted half-way is finished by the next without
 * duplicates.
 */
class ConsentLedgerMigrationIntegrationTests extends HubIntegrationTest {

	static final String SERVICE = "my-sony";

	static final String COMPANY = "sony-europe";

	@Autowired
	MongoTemplate mongo;

	@Autowired
	ConsentLedgerMigration migration;

	@Autowired
	OutboxRelay relay;

	@Test
	void rewritesALedgerOfTheFormerShapeKeepingItsHistoryPreferencesAndOutbox() {
		String id = registerThrough(SERVICE);
		LegacyConsentLedger ledger = aLegacyLedgerOf(id).recording(COMPANY, "PHONE", "NOT_ASKED", "GRANTED")
			.recording(COMPANY, "PHONE", "GRANTED", "WITHDRAWN")
			.recordingGroupNews("NOT_ASKED", "GRANTED")
			.withUnrelayedEvent(SERVICE, serviceAccountIdOf(id));
		store(ledger);

		ConsentLedgerMigration.Result result = this.migration.migrate();

		assertThat(result).isEqualTo(new ConsentLedgerMigration.Result(1, 0));
		assertThat(formerDocumentOf(id)).isNull();
		assertThat(historyIds(id)).containsExactlyElementsOf(ledger.recordIds());
		preferences(id).path("me.marketingPreferences.groupNews")
			.entity(String.class)
			.isEqualTo("GRANTED")
			.path("me.marketingPreferences.companies[?(@.company.id == 'sony-europe')].channels[?(@.channel == 'PHONE')].state")
			.entityList(String.class)
			.containsExactly("WITHDRAWN");
		this.relay.relayAll();
		assertThat(wholeFeedEvents(SERVICE, id)).filteredOn((event) -> event.hasType("marketing-preferences.changed"))
			.extracting(FeedEvent::id)
			.containsExactlyElementsOf(ledger.eventIds());
	}

	@Test
	void continuesAMigratedLedgerAfterItsLastRecord() {
		String id = registerThrough(SERVICE);
		LegacyConsentLedger ledger = migratedGroupNewsLedgerOf(id);

		asAccountHolder(id).documentName("account-pages/setMyGroupNewsConsent")
			.variable("input", Map.of("state", "GRANTED", "policyVersion", "v2"))
			.execute()
			.path("setGroupNewsConsent.errors")
			.entityList(Object.class)
			.hasSize(0);

		List<String> history = historyIds(id);
		assertThat(history).hasSize(3).startsWith(ledger.recordIds().toArray(String[]::new));
		preferences(id).path("me.marketingPreferences.groupNews").entity(String.class).isEqualTo("GRANTED");
	}

	@Test
	void finishesAMigrationInterruptedBeforeItRemovedTheFormerDocument() {
		String id = registerThrough(SERVICE);
		LegacyConsentLedger ledger = migratedGroupNewsLedgerOf(id);
		// as if the first run had died after storing the first change only
		store(ledger);
		this.mongo.remove(Query.query(Criteria.where("_id").is(ConsentChangeDocument.id(id, 2))),
				ConsentChangeDocument.COLLECTION);

		ConsentLedgerMigration.Result result = this.migration.migrate();

		assertThat(result).isEqualTo(new ConsentLedgerMigration.Result(1, 0));
		assertThat(formerDocumentOf(id)).isNull();
		assertThat(historyIds(id)).containsExactlyElementsOf(ledger.recordIds());
	}

	@Test
	void appendsAFormerLedgerWrittenAfterAnEarlierMigrationAfterTheStoredChanges() {
		String id = registerThrough(SERVICE);
		asAccountHolder(id).documentName("account-pages/setMyGroupNewsConsent")
			.variable("input", Map.of("state", "GRANTED", "policyVersion", "v1"))
			.execute();
		List<String> before = historyIds(id);
		// a former instance, still running, wrote the person's next choice in the
		// old shape
		store(aLegacyLedgerOf(id).recordingGroupNews("GRANTED", "WITHDRAWN"));

		ConsentLedgerMigration.Result result = this.migration.migrate();

		assertThat(result).isEqualTo(new ConsentLedgerMigration.Result(0, 1));
		assertThat(formerDocumentOf(id)).isNull();
		assertThat(historyIds(id)).hasSize(before.size() + 1).startsWith(before.toArray(String[]::new));
		preferences(id).path("me.marketingPreferences.groupNews").entity(String.class).isEqualTo("WITHDRAWN");
		assertThat(this.migration.migrate()).isEqualTo(new ConsentLedgerMigration.Result(0, 0));
	}

	/** A former ledger of two group news choices, stored and migrated. */
	private LegacyConsentLedger migratedGroupNewsLedgerOf(String id) {
		LegacyConsentLedger ledger = aLegacyLedgerOf(id).recordingGroupNews("NOT_ASKED", "GRANTED")
			.recordingGroupNews("GRANTED", "WITHDRAWN");
		store(ledger);
		this.migration.migrate();
		return ledger;
	}

	private void store(LegacyConsentLedger ledger) {
		this.mongo.insert(ledger.toDocument(), ConsentLedgerDocument.COLLECTION);
	}

	private Document formerDocumentOf(String id) {
		return this.mongo.findById(id, Document.class, ConsentLedgerDocument.COLLECTION);
	}

	private String serviceAccountIdOf(String id) {
		return LinkedAccountView.linkTo(SERVICE, linkedAccountsOf(id)).serviceAccountId();
	}

	private List<String> historyIds(String id) {
		return asAccountHolder(id).documentName("account-pages/myConsentHistory")
			.variable("first", 100)
			.execute()
			.path("me.consentHistory.edges[*].node.id")
			.entityList(String.class)
			.get();
	}

	private GraphQlTester.Response preferences(String id) {
		return asAccountHolder(id).documentName("account-pages/myMarketingPreferences").execute();
	}

}
