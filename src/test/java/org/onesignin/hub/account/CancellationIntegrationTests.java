package org.onesignin.hub.account;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.onesignin.hub.support.CancellationInput;
import org.onesignin.hub.support.HubIntegrationTest;
import org.onesignin.hub.support.LinkedAccountView;

import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onesignin.hub.support.CancellationInput.aCancellationOf;
import static org.onesignin.hub.support.LinkedAccountView.linkTo;
import static org.onesignin.hub.support.ServiceAccount.aServiceAccount;

/**
 * Rule 5, the cancellation matrix: each caller kind against a service of its own company
 * and of another company. Only the controller's requests cancel; the others are told who
 * controls the service and how it cancels, and nothing changes.
 */
class CancellationIntegrationTests extends HubIntegrationTest {

	@Test
	void letsTheOwnerCancelThroughAClientOfTheControllingCompany() {
		String id = personWithMySonyAndPlayStation();

		GraphQlTester.Response response = cancel(asAccountHolder(id), aCancellationOf("my-sony"));

		response.path("cancelServiceAccount.errors").entityList(Object.class).hasSize(0);
		LinkedAccountView mySony = linkTo("my-sony",
				response.path("cancelServiceAccount.account.linkedAccounts").entityList(LinkedAccountView.class).get());
		assertThat(mySony.status()).isEqualTo("CANCELLED");
		assertThat(mySony.cancelledById()).isEqualTo("sony-europe");
	}

	@Test
	void refusesTheOwnerCancellingAnotherCompanysServiceAndNamesItsController() {
		String id = personWithMySonyAndPlayStation();

		cancel(asAccountHolder(id), aCancellationOf("playstation-network")).path("cancelServiceAccount.account")
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

		cancel(asAccountHolderThrough(id, "playstation-network"), aCancellationOf("playstation-network"))
			.path("cancelServiceAccount.errors")
			.entityList(Object.class)
			.hasSize(0);

		assertThat(linkStatus(id, "playstation-network")).isEqualTo("CANCELLED");
	}

	@Test
	void letsASupportAgentCancelItsOwnCompanysServiceWithATicket() {
		String id = personWithMySonyAndPlayStation();

		cancel(asSupportAgent("sony-europe"), aCancellationOf("my-sony").forAccount(id).withTicket("T-1"))
			.path("cancelServiceAccount.errors")
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

		cancel(asSupportAgent("sony-europe"), aCancellationOf("playstation-network").forAccount(id).withTicket("T-1"))
			.path("cancelServiceAccount.errors[0].code")
			.entity(String.class)
			.isEqualTo("NOT_CONTROLLER");

		assertThat(linkStatus(id, "playstation-network")).isEqualTo("ACTIVE");
	}

	@Test
	void refusesASupportCancellationWithoutATicket() {
		String id = personWithMySonyAndPlayStation();

		cancel(asSupportAgent("sony-europe"), aCancellationOf("my-sony").forAccount(id))
			.path("cancelServiceAccount.errors[0].field")
			.entityList(String.class)
			.containsExactly("input", "ticket");
	}

	@Test
	void hidesAccountsWithoutALinkToTheAgentsCompany() {
		String id = registerThrough("my-sony");

		cancel(asSupportAgent("sony-music"), aCancellationOf("sony-music").forAccount(id).withTicket("T-1"))
			.path("cancelServiceAccount.errors[0].code")
			.entity(String.class)
			.isEqualTo("NOT_FOUND");
	}

	@Test
	void letsAPartnerCancelItsOwnService() {
		String id = personWithMySonyAndPlayStation();

		cancel(asPartnerService("playstation-network"), aCancellationOf("playstation-network").forAccount(id))
			.path("cancelServiceAccount.errors")
			.entityList(Object.class)
			.hasSize(0);

		assertThat(linkStatus(id, "playstation-network")).isEqualTo("CANCELLED");
	}

	@Test
	void refusesAPartnerCancellingAnotherCompanysService() {
		String id = personWithMySonyAndPlayStation();

		cancel(asPartnerService("playstation-network"), aCancellationOf("my-sony").forAccount(id))
			.path("cancelServiceAccount.errors[0].code")
			.entity(String.class)
			.isEqualTo("NOT_CONTROLLER")
			.path("cancelServiceAccount.errors[0].controller.id")
			.entity(String.class)
			.isEqualTo("sony-europe");

		assertThat(linkStatus(id, "my-sony")).isEqualTo("ACTIVE");
	}

	@Test
	void refusesAnonymousCancellation() {
		cancel(anonymous(), aCancellationOf("my-sony").forAccount("x")).errors()
			.expect((error) -> error.getErrorType() == ErrorType.UNAUTHORIZED)
			.verify();
	}

	@Test
	void sendsACancelledEventThenNothingMoreAndEndsThePartnersAccess() {
		String id = personWithMySonyAndPlayStation();
		cancel(asPartnerService("playstation-network"), aCancellationOf("playstation-network").forAccount(id));

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
		link(id, aServiceAccount().at("playstation-network").withId("psn-" + id));
		return id;
	}

	private GraphQlTester.Response cancel(GraphQlTester tester, CancellationInput cancellation) {
		return tester.documentName("account-pages/cancelMyServiceAccount")
			.variable("input", cancellation.toInput())
			.execute();
	}

	private String linkStatus(String accountId, String serviceId) {
		return linkTo(serviceId, linkedAccountsOf(accountId)).status();
	}

}
