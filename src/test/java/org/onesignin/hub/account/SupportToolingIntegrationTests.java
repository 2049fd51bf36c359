package org.onesignin.hub.account;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.junit.jupiter.api.Test;
import org.onesignin.hub.support.HubIntegrationTest;
import org.onesignin.hub.support.Ref;

import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onesignin.hub.support.ServiceAccount.aServiceAccount;

/**
 * Support search within the agent's company scope, and the access log its owner reads.
 */
class SupportToolingIntegrationTests extends HubIntegrationTest {

	@Test
	void findsAccountsOfTheAgentsCompanyByExactEmail() {
		String email = uniqueEmail();
		String id = registerThrough("my-sony", email, Map.of("givenName", "Ada"));

		assertThat(search("sony-europe", Map.of("email", email.toUpperCase()))).containsExactly(id);
		assertThat(search("sony-music", Map.of("email", email))).isEmpty();
	}

	@Test
	void findsAccountsByNormalisedPhoneAndByNamePrefix() {
		String marker = "Zed" + Long.toString(System.nanoTime(), 36);
		String id = registerThrough("playstation-network", uniqueEmail(),
				Map.of("givenName", marker + "ina", "familyName", "Quist"));
		link(id, aServiceAccount().at("my-sony").withId("ms-" + id));
		asAccountHolder(id).documentName("account-pages/updateMyBasicDetails")
			.variable("input", Map.of("expectedRevision", 1, "phone", "+1 (415) 555-2671"))
			.execute();

		assertThat(search("sony-europe", Map.of("name", marker.toLowerCase()))).containsExactly(id);
		assertThat(search("sony-europe", Map.of("phone", "+14155552671", "name", marker))).containsExactly(id);
		assertThat(search("sony-interactive", Map.of("name", marker))).containsExactly(id);
		assertThat(search("sony-music", Map.of("name", marker))).isEmpty();
	}

	@Test
	void keepsTheNameFilterOnEveryPage() {
		String marker = "Paged" + Long.toString(System.nanoTime(), 36);
		List<String> expected = new java.util.ArrayList<>();
		for (int i = 0; i < 3; i++) {
			expected.add(registerThrough("my-sony", uniqueEmail(), Map.of("givenName", marker + i)));
		}
		registerThrough("my-sony", uniqueEmail(), Map.of("givenName", "Someone"));

		List<String> found = new java.util.ArrayList<>();
		String after = null;
		boolean more = true;
		while (more) {
			GraphQlTester.Response page = query(asSupportAgent("sony-europe"), Map.of("name", marker), "T-9")
				.variable("first", 1)
				.variable("after", after)
				.execute();
			found.addAll(page.path("searchAccounts.edges[*].node.id").entityList(String.class).get());
			more = page.path("searchAccounts.pageInfo.hasNextPage").entity(Boolean.class).get();
			after = page.path("searchAccounts.pageInfo.endCursor").entity(String.class).get();
			assertThat(found.size()).isLessThanOrEqualTo(3);
		}

		assertThat(found).containsExactlyInAnyOrderElementsOf(expected);
	}

	@Test
	void refusesSearchToEveryoneButSupportAgents() {
		String id = registerThrough("my-sony");

		for (GraphQlTester tester : List.of(asAccountHolder(id), asPartnerService("my-sony"))) {
			query(tester, Map.of("email", "a@example.com"), "T-1").execute()
				.errors()
				.expect((error) -> error.getErrorType() == ErrorType.FORBIDDEN)
				.verify();
		}
		query(anonymous(), Map.of("email", "a@example.com"), "T-1").execute()
			.errors()
			.expect((error) -> error.getErrorType() == ErrorType.UNAUTHORIZED)
			.verify();
	}

	@Test
	void refusesASearchWithoutATicketOrCriteria() {
		for (String ticket : new String[] { " ", "T-1" }) {
			query(asSupportAgent("sony-europe"), ticket.isBlank() ? Map.of("email", "a@example.com") : Map.of(), ticket)
				.execute()
				.errors()
				.expect((error) -> error.getErrorType() == ErrorType.BAD_REQUEST)
				.verify();
		}
	}

	@Test
	void showsTheOwnerEveryAccessBySomeoneElse() {
		String email = uniqueEmail();
		String id = registerThrough("my-sony", email, Map.of("givenName", "Ada"));
		search("sony-europe", Map.of("email", email));
		asSupportAgent("sony-europe").documentName("support/customerAccount")
			.variable("id", id)
			.variable("ticket", "T-42")
			.execute();
		asPartnerService("my-sony").documentName("partner/linkedAccount").variable("id", id).execute();
		asAccountHolder(id).documentName("account-pages/me").execute();

		asAccountHolder(id).documentName("account-pages/myAccessLog")
			.variable("first", 10)
			.execute()
			.path("me.accessLog.edges[*].node.action")
			.entityList(String.class)
			.containsExactly("SEARCH", "READ", "READ")
			.path("me.accessLog.edges[*].node.actorKind")
			.entityList(String.class)
			.containsExactly("SUPPORT_AGENT", "SUPPORT_AGENT", "PARTNER_SERVICE")
			.path("me.accessLog.edges[1].node.ticket")
			.entity(String.class)
			.isEqualTo("T-42")
			.path("me.accessLog.edges[1].node.company.id")
			.entity(String.class)
			.isEqualTo("sony-europe");
	}

	@Test
	void logsOneReadOfAnAccountHoweverOftenOneDocumentAliasesIt() {
		String id = registerThrough("my-sony");

		asSupportAgent("sony-europe").document(aliasedReads(10))
			.variable("id", id)
			.variable("ticket", "T-20")
			.execute()
			.path("r9.id")
			.entity(String.class)
			.isEqualTo(id);

		List<AccessEntry> log = accessLogOf(id);
		assertThat(log).extracting(AccessEntry::action).containsExactlyInAnyOrder("READ", "READ_PREFERENCES");
		assertThat(log).extracting(AccessEntry::ticket).containsOnly("T-20");
	}

	@Test
	void logsEachOfTwoRequestsThatReadTheSameAccount() {
		String id = registerThrough("my-sony");

		for (int request = 0; request < 2; request++) {
			asSupportAgent("sony-europe").documentName("support/customerAccount")
				.variable("id", id)
				.variable("ticket", "T-21")
				.execute()
				.path("account.id")
				.entity(String.class)
				.isEqualTo(id);
		}

		assertThat(accessLogOf(id)).extracting(AccessEntry::action).containsExactly("READ", "READ");
		assertThat(accessLogOf(id)).extracting(AccessEntry::id).doesNotHaveDuplicates();
	}

	@Test
	void logsAPartnersAliasedReadsOnce() {
		String id = registerThrough("playstation-network");

		asPartnerService("playstation-network")
			.document("query($id: ID!) { a: account(id: $id) { id } b: account(id: $id) { basicDetails { country } } }")
			.variable("id", id)
			.execute()
			.path("b.basicDetails.country")
			.entity(String.class)
			.isEqualTo("GB");

		assertThat(accessLogOf(id)).extracting(AccessEntry::actorKind).containsExactly("PARTNER_SERVICE");
	}

	@Test
	void withholdsTheAccessLogFromAnyoneButTheOwner() {
		String id = registerThrough("my-sony");

		asSupportAgent("sony-europe").document(
				"query($id: ID!) { account(id: $id, ticket: \"T-1\") { accessLog(first: 5) { edges { cursor } } } }")
			.variable("id", id)
			.execute()
			.errors()
			.expect((error) -> error.getErrorType() == ErrorType.FORBIDDEN)
			.verify();
	}

	@Test
	void tellsAnyoneWhoControlsEachServiceAndHowToReachThem() {
		List<Controller> controllers = anonymous().documentName("account-pages/privacyContacts")
			.execute()
			.path("privacyContacts")
			.entityList(Controller.class)
			.get();

		assertThat(controllers).filteredOn((company) -> company.id().equals("sony-interactive"))
			.singleElement()
			.satisfies((sonyInteractive) -> {
				assertThat(sonyInteractive.privacyContact().email()).isEqualTo("privacy@sony-interactive.example");
				assertThat(sonyInteractive.services()).extracting(Ref::id).containsExactly("playstation-network");
			});
	}

	/**
	 * As many aliased reads of one account as the limits admit in one document: the most
	 * root fields, each reading the account's preferences too (as many aliases again).
	 */
	private static String aliasedReads(int reads) {
		String fields = java.util.stream.IntStream.range(0, reads)
			.mapToObj((i) -> "r" + i + ": account(id: $id, ticket: $ticket) { id p" + i
					+ ": marketingPreferences { groupNews } }")
			.collect(java.util.stream.Collectors.joining(" "));
		return "query($id: ID!, $ticket: String!) { " + fields + " }";
	}

	/** The account's access log as its owner reads it (first page of 100). */
	private List<AccessEntry> accessLogOf(String id) {
		return asAccountHolder(id).documentName("account-pages/myAccessLog")
			.variable("first", 100)
			.execute()
			.path("me.accessLog.edges[*].node")
			.entityList(AccessEntry.class)
			.get();
	}

	private GraphQlTester.Request<?> query(GraphQlTester tester, Map<String, Object> criteria, String ticket) {
		return tester.documentName("support/searchAccounts")
			.variable("query", criteria)
			.variable("ticket", ticket)
			.variable("first", 20);
	}

	private List<String> search(String company, Map<String, Object> criteria) {
		return query(asSupportAgent(company), criteria, "T-7").execute()
			.path("searchAccounts.edges[*].node.id")
			.entityList(String.class)
			.get();
	}

	/**
	 * A company of {@code privacyContacts}: how to reach it and the services it controls.
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record Controller(String id, PrivacyContact privacyContact, List<Ref> services) {

	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record PrivacyContact(String email) {

	}

	/** An access log entry as its owner reads it. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record AccessEntry(String id, String actorKind, String action, String ticket) {

	}

}
