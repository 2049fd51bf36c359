package org.onesignin.hub.account;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.onesignin.hub.support.HubIntegrationTest;

import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rule 5, the cancellation matrix: each caller kind against a service of its own company
 * and of another company. Only the controller's requests cancel; the others are told who
 * controls the service and how it cancels, and nothing changes.
 */
class CancellationIntegrationTests extends HubIntegrationTest {

	@Test
	void letsTheOwnerCancelThroughAClientOfTheControllingCompany() {
		String id = personWithMySonyAndPlayStation();

		cancel(asAccountHolder(id), null, "my-sony", null).path("cancelServiceAccount.errors")
			.entityList(Object.class)
			.hasSize(0)
			.path("cancelServiceAccount.account.linkedAccounts[?(@.service.id == 'my-sony')].status")
			.entityList(String.class)
			.containsExactly("CANCELLED")
			.path("cancelServiceAccount.account.linkedAccounts[?(@.service.id == 'my-sony')].cancelledBy.id")
			.entityList(String.class)
			.containsExactly("sony-europe");
	}

	@Test
	void refusesTheOwnerCancellingAnotherCompanysServiceAndNamesItsController() {
		String id = personWithMySonyAndPlayStation();

		cancel(asAccountHolder(id), null, "playstation-network", null).path("cancelServiceAccount.account")
			.valueIsNull()
			.path("cancelServiceAccount.errors[0].code")
			.entity(String.class)
			.isEqualTo("NOT_CONTROLLER")
			.path("cancelServiceAccount.errors[0].controller.id")
			.entity(String.class)
			.isEqualTo("sony-interactive")
			.path("cancelServiceAccount.errors[0].controller.privacyContact.email")
			.entity(String.class)
			.isEqualTo("privacy@sony-interactive.example")
			.path("cancelServiceAccount.errors[0].service.cancellation.url")
			.entity(String.class)
			.isEqualTo("https://www.playstation.example/support/account/close");

		assertThat(linkStatus(id, "playstation-network")).isEqualTo("ACTIVE");
	}

	@Test
	void letsTheOwnerCancelThroughTheServicesOwnClient() {
		String id = personWithMySonyAndPlayStation();

		cancel(asAccountHolderThrough(id, "playstation-network"), null, "playstation-network", null)
			.path("cancelServiceAccount.errors")
			.entityList(Object.class)
			.hasSize(0);

		assertThat(linkStatus(id, "playstation-network")).isEqualTo("CANCELLED");
	}

	@Test
	void letsASupportAgentCancelItsOwnCompanysServiceWithATicket() {
		String id = personWithMySonyAndPlayStation();

		cancel(asSupportAgent("sony-europe"), id, "my-sony", "T-1").path("cancelServiceAccount.errors")
			.entityList(Object.class)
			.hasSize(0)
			.path("cancelServiceAccount.account.linkedAccounts[*].status")
			.entityList(String.class)
			.containsExactly("CANCELLED");

		assertThat(linkStatus(id, "my-sony")).isEqualTo("CANCELLED");
	}

	@Test
	void refusesASupportAgentCancellingAnotherCompanysService() {
		String id = personWithMySonyAndPlayStation();

		cancel(asSupportAgent("sony-europe"), id, "playstation-network", "T-1")
			.path("cancelServiceAccount.errors[0].code")
			.entity(String.class)
			.isEqualTo("NOT_CONTROLLER");

		assertThat(linkStatus(id, "playstation-network")).isEqualTo("ACTIVE");
	}

	@Test
	void refusesASupportCancellationWithoutATicket() {
		String id = personWithMySonyAndPlayStation();

		cancel(asSupportAgent("sony-europe"), id, "my-sony", null).path("cancelServiceAccount.errors[0].field")
			.entityList(String.class)
			.containsExactly("input", "ticket");
	}

	@Test
	void hidesAccountsWithoutALinkToTheAgentsCompany() {
		String id = registerThrough("my-sony");

		cancel(asSupportAgent("sony-music"), id, "sony-music", "T-1").path("cancelServiceAccount.errors[0].code")
			.entity(String.class)
			.isEqualTo("NOT_FOUND");
	}

	@Test
	void letsAPartnerCancelItsOwnService() {
		String id = personWithMySonyAndPlayStation();

		cancel(asPartnerService("playstation-network"), id, "playstation-network", null)
			.path("cancelServiceAccount.errors")
			.entityList(Object.class)
			.hasSize(0);

		assertThat(linkStatus(id, "playstation-network")).isEqualTo("CANCELLED");
	}

	@Test
	void refusesAPartnerCancellingAnotherCompanysService() {
		String id = personWithMySonyAndPlayStation();

		cancel(asPartnerService("playstation-network"), id, "my-sony", null).path("cancelServiceAccount.errors[0].code")
			.entity(String.class)
			.isEqualTo("NOT_CONTROLLER")
			.path("cancelServiceAccount.errors[0].controller.id")
			.entity(String.class)
			.isEqualTo("sony-europe");

		assertThat(linkStatus(id, "my-sony")).isEqualTo("ACTIVE");
	}

	@Test
	void refusesAnonymousCancellation() {
		cancel(anonymous(), "x", "my-sony", null).errors()
			.expect((error) -> error.getErrorType() == ErrorType.UNAUTHORIZED)
			.verify();
	}

	@Test
	void sendsACancelledEventThenNothingMoreAndEndsThePartnersAccess() {
		String id = personWithMySonyAndPlayStation();
		cancel(asPartnerService("playstation-network"), id, "playstation-network", null);

		asAccountHolder(id).documentName("account-pages/updateMyBasicDetails")
			.variable("input", Map.of("expectedRevision", 1, "givenName", "After"))
			.execute();

		assertThat(eventTypes("playstation-network", id)).containsExactly("service-account.linked",
				"service-account.cancelled");
		asPartnerService("playstation-network").documentName("partner/linkedAccount")
			.variable("id", id)
			.execute()
			.errors()
			.expect((error) -> error.getErrorType() == ErrorType.NOT_FOUND)
			.verify();
	}

	private String personWithMySonyAndPlayStation() {
		String id = registerThrough("my-sony");
		link(id, "playstation-network", "playstation-network", "psn-" + id);
		return id;
	}

	private GraphQlTester.Response cancel(GraphQlTester tester, String accountId, String serviceId, String ticket) {
		Map<String, Object> input = new HashMap<>();
		if (accountId != null) {
			input.put("accountId", accountId);
		}
		input.put("serviceId", serviceId);
		if (ticket != null) {
			input.put("ticket", ticket);
		}
		return tester.documentName("account-pages/cancelMyServiceAccount").variable("input", input).execute();
	}

	private String linkStatus(String accountId, String serviceId) {
		return asAccountHolder(accountId).documentName("account-pages/me")
			.execute()
			.path("me.linkedAccounts[?(@.service.id == '" + serviceId + "')].status")
			.entityList(String.class)
			.get()
			.get(0);
	}

}
