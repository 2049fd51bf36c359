package org.onesignin.hub.account;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.onesignin.hub.support.HubIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The order in which the one write path refuses, whatever the use case: the caller's
 * role, then the input, then the ticket, then the account; and what the access log says a
 * change touched.
 */
class WritePathIntegrationTests extends HubIntegrationTest {

	@Test
	void refusesAMissingTicketBeforeLookingForTheAccount() {
		asSupportAgent("sony-interactive").documentName("support/cancelServiceAccount")
			.variable("input", Map.of("serviceId", "playstation-network"))
			.execute()
			.path("cancelServiceAccount.errors[*].code")
			.entityList(String.class)
			.containsExactly("VALIDATION")
			.path("cancelServiceAccount.errors[0].field")
			.entityList(String.class)
			.containsExactly("input", "ticket");
	}

	@Test
	void refusesBadInputBeforeTheTicketAndTheAccount() {
		asSupportAgent("sony-interactive").documentName("support/changeCustomerSignInEmail")
			.variable("input",
					Map.of("accountId", "no-such-account", "expectedRevision", 1, "newEmail", "not-an-email"))
			.execute()
			.path("changeSignInEmail.errors[*].code")
			.entityList(String.class)
			.containsExactly("VALIDATION")
			.path("changeSignInEmail.errors[0].field")
			.entityList(String.class)
			.containsExactly("input", "newEmail");
	}

	@Test
	void refusesEveryInvalidDetailBeforeLookingForTheAccount() {
		asSupportAgent("sony-interactive").documentName("support/correctBasicDetails")
			.variable("input",
					Map.of("accountId", "no-such-account", "expectedRevision", 1, "ticket", "T-1", "country", "Narnia",
							"phone", "not a phone"))
			.execute()
			.path("updateBasicDetails.errors[*].code")
			.entityList(String.class)
			.containsExactly("VALIDATION", "VALIDATION");
	}

	@Test
	void refusesAnAccountOutOfReachOnlyAfterInputAndTicket() {
		asSupportAgent("sony-interactive").documentName("support/cancelServiceAccount")
			.variable("input",
					Map.of("accountId", "no-such-account", "serviceId", "playstation-network", "ticket", "T-1"))
			.execute()
			.path("cancelServiceAccount.errors[*].code")
			.entityList(String.class)
			.containsExactly("NOT_FOUND");
	}

	@Test
	void logsAChangeAsTouchingOnlyTheFieldsItSent() {
		String id = registerThrough("playstation-network");

		asPartnerService("playstation-network").documentName("partner/pushBasicDetails")
			.variable("input", Map.of("accountId", id, "expectedRevision", revisionOf(id)))
			.execute()
			.path("updateBasicDetails.errors")
			.entityList(Object.class)
			.hasSize(0);

		List<Map<String, Object>> updates = accessLogOf(id).stream()
			.filter((entry) -> "UPDATE".equals(entry.get("action")))
			.toList();
		assertThat(updates).singleElement().satisfies((entry) -> assertThat(entry.get("fields")).isEqualTo(List.of()));
	}

	@Test
	void logsASupportReadOfPreferencesWithTheTicketOfTheAccountRead() {
		String id = registerThrough("playstation-network");

		asSupportAgent("sony-interactive").document("""
				query($id: ID!) { account(id: $id, ticket: "T-42") { id marketingPreferences { groupNews } } }
				""").variable("id", id).execute().path("account.marketingPreferences.groupNews").hasValue();

		List<Map<String, Object>> reads = accessLogOf(id).stream()
			.filter((entry) -> "READ_PREFERENCES".equals(entry.get("action")))
			.toList();
		assertThat(reads).singleElement().satisfies((entry) -> assertThat(entry.get("ticket")).isEqualTo("T-42"));
	}

	@SuppressWarnings("unchecked")
	private List<Map<String, Object>> accessLogOf(String accountId) {
		return asAccountHolder(accountId).documentName("account-pages/myAccessLog")
			.variable("first", 100)
			.execute()
			.path("me.accessLog.edges[*].node")
			.entityList(Map.class)
			.get()
			.stream()
			.map((node) -> (Map<String, Object>) node)
			.toList();
	}

}
