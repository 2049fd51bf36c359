package org.onesignin.hub.preferences;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.bson.RawBsonDocument;
import org.junit.jupiter.api.Test;
import org.onesignin.hub.shared.CallerKind;
import org.onesignin.hub.support.ConsentInput;
import org.onesignin.hub.support.HubIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onesignin.hub.support.ConsentInput.aConsent;

/**
 * Issue 9, no document that grows without bound: a consent ledger is stored one document
 * per change, its history is paged by the store, and the unique id of each change keeps
 * concurrent writers from overwriting each other.
 */
// the longest policy version is one Sony Europe published
@TestPropertySource(properties = "hub.registry.location=classpath:registry/longest-policy-version.yaml")
class ConsentLedgerIntegrationTests extends HubIntegrationTest {

	/**
	 * The service and its controller these people use: no other test reads this feed from
	 * its start, so the many events here crowd out nobody's.
	 */
	static final String SERVICE = "my-sony";

	static final String COMPANY = "sony-europe";

	/** What any one stored document about a person may weigh, however long the ledger. */
	static final int DOCUMENT_BOUND = 8 * 1024;

	/**
	 * Changes enough for the former single ledger document to outgrow the bound many
	 * times over (each record carries the longest ticket and policy version).
	 */
	static final int CHANGES = 120;

	static final String LONGEST_TICKET = "T-" + "9".repeat(98);

	static final String LONGEST_POLICY_VERSION = "v" + "1".repeat(99);

	@Autowired
	MongoTemplate mongo;

	@Autowired
	ConsentLedgers ledgers;

	@Test
	void keepsEveryDocumentSmallAsTheLedgerGrowsAndStillTakesThePersonsWithdrawal() {
		String email = uniqueEmail();
		String id = registerThrough(SERVICE, email, Map.of());
		for (int change = 0; change < CHANGES; change++) {
			recordBySupport(id, (change % 2 == 0) ? aConsent().phone().withdrawn() : aConsent().phone().granted());
		}
		set(id, aConsent().forCompany(COMPANY).email().granted());

		set(id, aConsent().forCompany(COMPANY).phone().withdrawn()).path("setMarketingConsent.errors")
			.entityList(Object.class)
			.hasSize(0);
		unsubscribeByLink(id, email);

		CompanyPreferences preferences = preferencesOf(id);
		assertThat(preferences.channel("PHONE").state()).isEqualTo("WITHDRAWN");
		assertThat(preferences.email(email).state()).isEqualTo("WITHDRAWN");
		assertThat(this.ledgers.load(id).records()).hasSize(CHANGES + 3);
		assertThat(largestDocumentAbout(id)).isLessThan(DOCUMENT_BOUND);
		// what the ledger weighs in all: far more than any of its documents may
		assertThat(bytesOf(id, "consent_changes")).isGreaterThan(8 * DOCUMENT_BOUND);
	}

	@Test
	void pagesTheConsentHistoryOldestFirstWithoutGapsOrDuplicates() {
		String id = registerThrough(SERVICE);
		for (int change = 0; change < 25; change++) {
			setGroupNews(id, (change % 2 == 0) ? "GRANTED" : "WITHDRAWN");
		}

		List<HistoryPage> pages = historyInPagesOf(id, 10);

		assertThat(pages).extracting((page) -> page.records().size()).containsExactly(10, 10, 5);
		assertThat(pages).extracting(HistoryPage::hasNextPage).containsExactly(true, true, false);
		List<HistoryRecord> paged = pages.stream().flatMap((page) -> page.records().stream()).toList();
		assertThat(paged).extracting(HistoryRecord::id)
			.doesNotHaveDuplicates()
			.containsExactlyElementsOf(historyPage(id, 100, null).records().stream().map(HistoryRecord::id).toList());
		assertThat(paged.get(0).previousState()).isEqualTo("NOT_ASKED");
		for (int index = 1; index < paged.size(); index++) {
			// each record starts where the one before it ended: none is missing
			assertThat(paged.get(index).previousState()).isEqualTo(paged.get(index - 1).newState());
		}
		assertThat(paged).extracting((record) -> Instant.parse(record.time())).isSorted();
	}

	@Test
	void pagesAcrossChangesThatEachHoldSeveralRecords() {
		String id = registerThrough(SERVICE);
		List<ConsentRecord> first = List.of(groupNews(id), groupNews(id), groupNews(id));
		List<ConsentRecord> second = List.of(groupNews(id), groupNews(id));
		this.ledgers.append(id, 0, first, List.of());
		this.ledgers.append(id, 1, second, List.of());

		List<HistoryPage> pages = historyInPagesOf(id, 2);

		assertThat(pages).extracting((page) -> page.records().size()).containsExactly(2, 2, 1);
		assertThat(pages).extracting(HistoryPage::hasNextPage).containsExactly(true, true, false);
		assertThat(pages.stream().flatMap((page) -> page.records().stream()).map(HistoryRecord::id)).containsExactly(
				first.get(0).id(), first.get(1).id(), first.get(2).id(), second.get(0).id(), second.get(1).id());
	}

	@Test
	void refusesACursorOfAnotherList() {
		String id = registerThrough(SERVICE);
		setGroupNews(id, "GRANTED");
		String feedCursor = asPartnerService(SERVICE).documentName("partner/serviceChanges")
			.variable("serviceId", SERVICE)
			.variable("first", 1)
			.execute()
			.path("serviceChanges.edges[0].cursor")
			.entity(String.class)
			.get();

		asAccountHolder(id).documentName("account-pages/myConsentHistory")
			.variable("first", 10)
			.variable("after", feedCursor)
			.execute()
			.errors()
			.expect((error) -> error.getErrorType() == ErrorType.BAD_REQUEST)
			.verify();
	}

	@Test
	void landsConcurrentChangesOfOneLedgerEachDecidedAgainstTheOthers() throws Exception {
		String id = registerThrough(SERVICE);
		List<String> channels = List.of("EMAIL", "POST", "PHONE", "SMS");
		ExecutorService pool = Executors.newFixedThreadPool(channels.size());
		try {
			for (String state : List.of("GRANTED", "WITHDRAWN", "GRANTED")) {
				CountDownLatch start = new CountDownLatch(1);
				List<Future<List<String>>> results = new ArrayList<>();
				for (String channel : channels) {
					results.add(pool.submit(() -> {
						start.await();
						return errorCodes(set(id, channelConsent(channel).inState(state)));
					}));
				}

				start.countDown();

				for (Future<List<String>> result : results) {
					assertThat(result.get(60, TimeUnit.SECONDS)).isEmpty();
				}
			}
		}
		finally {
			pool.shutdownNow();
		}

		ConsentLedgers.Ledger ledger = this.ledgers.load(id);
		assertThat(ledger.version()).isEqualTo(12);
		assertThat(ledger.records()).hasSize(12);
		assertThat(historyPage(id, 100, null).records()).extracting(HistoryRecord::id)
			.containsExactlyElementsOf(ledger.records().stream().map(ConsentRecord::id).toList());
		CompanyPreferences preferences = preferencesOf(id);
		assertThat(channels)
			.allSatisfy((channel) -> assertThat(preferences.channel(channel).state()).isEqualTo("GRANTED"));
		assertThat(wholeFeedEvents(SERVICE, id)).filteredOn((event) -> event.hasType("marketing-preferences.changed"))
			.hasSize(12);
		assertThat(this.ledgers.pending(id)).isEmpty();
	}

	@Test
	void refusesASecondChangeDecidedOnTheSameVersion() {
		String id = registerThrough(SERVICE);
		long version = this.ledgers.load(id).version();
		ConsentRecord winner = groupNews(id);
		ConsentRecord loser = groupNews(id);

		boolean first = this.ledgers.append(id, version, List.of(winner), List.of());
		boolean second = this.ledgers.append(id, version, List.of(loser), List.of());

		assertThat(first).isTrue();
		assertThat(second).isFalse();
		assertThat(this.ledgers.load(id).version()).isEqualTo(version + 1);
		assertThat(this.ledgers.load(id).records()).extracting(ConsentRecord::id).containsExactly(winner.id());
	}

	private GraphQlTester.Response set(String id, ConsentInput consent) {
		return asAccountHolder(id).documentName("account-pages/setMyMarketingConsent")
			.variable("input", consent.toInput())
			.execute();
	}

	private void setGroupNews(String id, String state) {
		asAccountHolder(id).documentName("account-pages/setMyGroupNewsConsent")
			.variable("input", Map.of("state", state, "policyVersion", "v1"))
			.execute()
			.path("setGroupNewsConsent.errors")
			.entityList(Object.class)
			.hasSize(0);
	}

	/** The company's preferences as the person sees them. */
	private CompanyPreferences preferencesOf(String id) {
		return CompanyPreferences.of(COMPANY, MarketingPreferencesIntegrationTests
			.companiesIn(asAccountHolder(id).documentName("account-pages/myMarketingPreferences").execute(), "me"));
	}

	/**
	 * A choice the company's support records by phone, with the longest ticket and
	 * policy.
	 */
	private void recordBySupport(String id, ConsentInput consent) {
		asSupportAgent(COMPANY).documentName("support/recordMarketingChoice")
			.variable("input",
					consent.forAccount(id)
						.forCompany(COMPANY)
						.underPolicy(LONGEST_POLICY_VERSION)
						.withTicket(LONGEST_TICKET)
						.toInput())
			.execute()
			.path("setMarketingConsent.errors")
			.entityList(Object.class)
			.hasSize(0);
	}

	private void unsubscribeByLink(String id, String email) {
		String token = asPartnerService(SERVICE).documentName("partner/unsubscribeToken")
			.variable("accountId", id)
			.variable("companyId", COMPANY)
			.variable("address", email)
			.execute()
			.path("unsubscribeToken")
			.entity(String.class)
			.get();
		oneClickUnsubscribe(token).expectStatus().isOk();
	}

	private static ConsentInput channelConsent(String channel) {
		ConsentInput consent = aConsent().forCompany(COMPANY);
		return switch (channel) {
			case "EMAIL" -> consent.email();
			case "POST" -> consent.post();
			case "PHONE" -> consent.phone();
			default -> consent.sms();
		};
	}

	private static List<String> errorCodes(GraphQlTester.Response response) {
		return response.path("setMarketingConsent.errors[*].code").entityList(String.class).get();
	}

	/** A group news record, appended by the test itself. */
	private static ConsentRecord groupNews(String id) {
		return new ConsentRecord(UUID.randomUUID().toString(), id, ConsentPurpose.GROUP_NEWS, null, null, null,
				ConsentState.NOT_ASKED, ConsentState.GRANTED, "v1", CallerKind.USER, id, COMPANY, null,
				ConsentSource.ACCOUNT_PAGES, null, null, Instant.now());
	}

	/** The whole history read page after page, following each page's end cursor. */
	private List<HistoryPage> historyInPagesOf(String id, int size) {
		List<HistoryPage> pages = new ArrayList<>();
		String after = null;
		do {
			HistoryPage page = historyPage(id, size, after);
			pages.add(page);
			after = page.hasNextPage() ? page.endCursor() : null;
		}
		while (after != null && pages.size() < 100);
		return pages;
	}

	private HistoryPage historyPage(String id, int size, String after) {
		GraphQlTester.Response response = asAccountHolder(id).documentName("account-pages/myConsentHistory")
			.variable("first", size)
			.variable("after", after)
			.execute();
		return new HistoryPage(response.path("me.consentHistory.edges[*].node").entityList(HistoryRecord.class).get(),
				response.path("me.consentHistory.pageInfo.hasNextPage").entity(Boolean.class).get(),
				response.path("me.consentHistory.pageInfo.endCursor").entity(String.class).get());
	}

	/** The size in BSON of the largest document about the person, in any collection. */
	private int largestDocumentAbout(String id) {
		return this.mongo.getCollectionNames()
			.stream()
			.flatMap((collection) -> sizesOf(id, collection).stream())
			.max(Integer::compare)
			.orElse(0);
	}

	private long bytesOf(String id, String collection) {
		return sizesOf(id, collection).stream().mapToLong(Integer::longValue).sum();
	}

	private List<Integer> sizesOf(String id, String collection) {
		List<Integer> sizes = new ArrayList<>();
		for (RawBsonDocument document : this.mongo.getCollection(collection)
			.withDocumentClass(RawBsonDocument.class)
			.find()) {
			if (document.toJson().contains(id)) {
				sizes.add(document.getByteBuffer().remaining());
			}
		}
		return sizes;
	}

	record HistoryPage(List<HistoryRecord> records, boolean hasNextPage, String endCursor) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record HistoryRecord(String id, String previousState, String newState, String time) {
	}

}
