package org.onesignin.hub.account;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.onesignin.hub.support.FeedEvent;
import org.onesignin.hub.support.HubIntegrationTest;
import org.onesignin.hub.support.ServiceAccount;

import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onesignin.hub.support.ServiceAccount.aServiceAccount;

/**
 * Rule 1: a service account is linked only with the person's own token obtained through
 * that service's client.
 */
class LinkingIntegrationTests extends HubIntegrationTest {

	@Test
	void linksWithThePersonsTokenObtainedThroughThatService() {
		String id = registerThrough("playstation-network");

		linkAs(asAccountHolderThrough(id, "sony-music"), aServiceAccount().at("sony-music").withId("sm-" + id))
			.path("linkServiceAccount.errors")
			.entityList(Object.class)
			.hasSize(0)
			.path("linkServiceAccount.account.linkedAccounts[*].service.id")
			.entityList(String.class)
			.containsExactly("sony-music")
			.path("linkServiceAccount.account.linkedAccounts[0].syncState")
			.entity(String.class)
			.isEqualTo("PENDING");
	}

	@Test
	void refusesAPartnersClientCredentialsToken() {
		String id = registerThrough("playstation-network");

		linkAs(asPartnerService("sony-music"), aServiceAccount().at("sony-music").withId("sm-" + id)).errors()
			.expect((error) -> error.getErrorType() == ErrorType.FORBIDDEN)
			.verify();
	}

	@Test
	void refusesAPersonsTokenObtainedThroughAnotherServicesClient() {
		String id = registerThrough("playstation-network");

		linkAs(asAccountHolderThrough(id, "account-pages"), aServiceAccount().at("sony-music").withId("sm-" + id))
			.errors()
			.expect((error) -> error.getErrorType() == ErrorType.FORBIDDEN)
			.verify();
	}

	@Test
	void treatsLinkingTheSameServiceAccountAgainAsDone() {
		String id = registerThrough("playstation-network");
		link(id, aServiceAccount().at("sony-music").withId("sm-again-" + id));

		linkAs(asAccountHolderThrough(id, "sony-music"), aServiceAccount().at("sony-music").withId("sm-again-" + id))
			.path("linkServiceAccount.errors")
			.entityList(Object.class)
			.hasSize(0)
			.path("linkServiceAccount.account.linkedAccounts[*].service.id")
			.entityList(String.class)
			.containsExactly("sony-music");
		assertThat(eventTypes("sony-music", id)).containsExactly("service-account.linked");
	}

	@Test
	void answersARepeatLinkWithOnlyTheLinkingServicesView() {
		String id = registerThrough("playstation-network", uniqueEmail(), Map.of("givenName", "Ada", "familyName",
				"Lovelace", "dateOfBirth", "1985-12-10", "phone", "+442071838750", "country", "GB"));
		link(id, aServiceAccount().at("sony-music").withId("sm-view-" + id));

		asAccountHolderThrough(id, "sony-music").document("""
				mutation($input: LinkServiceAccountInput!) { linkServiceAccount(input: $input) {
				  account { basicDetails { givenName familyName dateOfBirth phone country }
				    linkedAccounts { service { id } serviceAccountId } }
				  errors { code } } }
				""")
			.variable("input", Map.of("serviceId", "sony-music", "serviceAccountId", "sm-view-" + id))
			.execute()
			.path("linkServiceAccount.account.basicDetails.givenName")
			.entity(String.class)
			.isEqualTo("Ada")
			.path("linkServiceAccount.account.basicDetails.familyName")
			.valueIsNull()
			.path("linkServiceAccount.account.basicDetails.dateOfBirth")
			.valueIsNull()
			.path("linkServiceAccount.account.basicDetails.phone")
			.valueIsNull()
			.path("linkServiceAccount.account.linkedAccounts[*].service.id")
			.entityList(String.class)
			.containsExactly("sony-music");
	}

	@Test
	void keepsTheClaimOfAnEarlierLinkWhenAnotherLinkIsRefused() {
		String first = registerThrough("playstation-network");
		String second = registerThrough("playstation-network");
		link(first, aServiceAccount().at("sony-music").withId("kept-" + first));
		asAccountHolderThrough(first, "sony-music").documentName("account-pages/cancelMyServiceAccount")
			.variable("input", Map.of("serviceId", "sony-music"))
			.execute()
			.path("cancelServiceAccount.errors")
			.entityList(Object.class)
			.hasSize(0);
		link(first, aServiceAccount().at("sony-music").withId("other-" + first));
		linkAs(asAccountHolderThrough(first, "sony-music"), aServiceAccount().at("sony-music").withId("kept-" + first))
			.path("linkServiceAccount.errors[0].code")
			.entity(String.class)
			.isEqualTo("SERVICE_ALREADY_LINKED");

		linkAs(asAccountHolderThrough(second, "sony-music"), aServiceAccount().at("sony-music").withId("kept-" + first))
			.path("linkServiceAccount.errors[0].code")
			.entity(String.class)
			.isEqualTo("ALREADY_LINKED_ELSEWHERE");
	}

	@Test
	void refusesAServiceAccountLinkedToAnotherIdentity() {
		String first = registerThrough("playstation-network");
		String second = registerThrough("playstation-network");
		link(first, aServiceAccount().at("sony-music").withId("shared-" + first));

		linkAs(asAccountHolderThrough(second, "sony-music"),
				aServiceAccount().at("sony-music").withId("shared-" + first))
			.path("linkServiceAccount.errors[0].code")
			.entity(String.class)
			.isEqualTo("ALREADY_LINKED_ELSEWHERE");
	}

	@Test
	void refusesASecondAccountOfAnAlreadyLinkedService() {
		String id = registerThrough("playstation-network");
		link(id, aServiceAccount().at("sony-music").withId("sm-one-" + id));

		linkAs(asAccountHolderThrough(id, "sony-music"), aServiceAccount().at("sony-music").withId("sm-two-" + id))
			.path("linkServiceAccount.errors[0].code")
			.entity(String.class)
			.isEqualTo("SERVICE_ALREADY_LINKED");
	}

	@Test
	void sendsTheNewServiceALinkedEventWithItsEntitledDetails() {
		String id = registerThrough("playstation-network", uniqueEmail(),
				Map.of("givenName", "Ada", "familyName", "Lovelace", "country", "GB"));

		link(id, aServiceAccount().at("sony-music").withId("sm-ev-" + id));

		List<FeedEvent> events = feedEvents("sony-music", id);
		assertThat(events).extracting(FeedEvent::type).containsExactly("service-account.linked");
		assertThat(events).extracting(FeedEvent::data).noneMatch((data) -> data.containsKey("familyName"));
		assertThat(events).extracting((event) -> event.data().get("givenName")).containsExactly("Ada");
	}

	private GraphQlTester.Response linkAs(GraphQlTester tester, ServiceAccount serviceAccount) {
		return tester.documentName("account-pages/linkServiceAccount")
			.variable("input", serviceAccount.toInput())
			.execute();
	}

}
