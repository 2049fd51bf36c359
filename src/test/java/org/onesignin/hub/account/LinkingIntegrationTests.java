package org.onesignin.hub.account;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.onesignin.hub.support.HubIntegrationTest;

import org.springframework.graphql.execution.ErrorType;

/**
 * Rule 1: a service account is linked only with the person's own token obtained through
 * that service's client.
 */
class LinkingIntegrationTests extends HubIntegrationTest {

	@Test
	void linksWithThePersonsTokenObtainedThroughThatService() {
		String id = registerThrough("playstation-network");

		linkAs(asAccountHolderThrough(id, "sony-music"), "sony-music", "sm-" + id).path("linkServiceAccount.errors")
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

		linkAs(asPartnerService("sony-music"), "sony-music", "sm-" + id).errors()
			.expect((error) -> error.getErrorType() == ErrorType.FORBIDDEN)
			.verify();
	}

	@Test
	void refusesAPersonsTokenObtainedThroughAnotherServicesClient() {
		String id = registerThrough("playstation-network");

		linkAs(asAccountHolderThrough(id, "account-pages"), "sony-music", "sm-" + id).errors()
			.expect((error) -> error.getErrorType() == ErrorType.FORBIDDEN)
			.verify();
	}

	@Test
	void treatsLinkingTheSameServiceAccountAgainAsDone() {
		String id = registerThrough("playstation-network");
		link(id, "sony-music", "sony-music", "sm-again-" + id);

		linkAs(asAccountHolderThrough(id, "sony-music"), "sony-music", "sm-again-" + id)
			.path("linkServiceAccount.errors")
			.entityList(Object.class)
			.hasSize(0)
			.path("linkServiceAccount.account.linkedAccounts[*].service.id")
			.entityList(String.class)
			.containsExactly("sony-music");
		org.assertj.core.api.Assertions.assertThat(eventTypes("sony-music", id))
			.containsExactly("service-account.linked");
	}

	@Test
	void answersARepeatLinkWithOnlyTheLinkingServicesView() {
		String id = registerThrough("playstation-network", uniqueEmail(), Map.of("givenName", "Ada", "familyName",
				"Lovelace", "dateOfBirth", "1985-12-10", "phone", "+442071838750", "country", "GB"));
		link(id, "sony-music", "sony-music", "sm-view-" + id);

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
	void refusesAServiceAccountLinkedToAnotherIdentity() {
		String first = registerThrough("playstation-network");
		String second = registerThrough("playstation-network");
		link(first, "sony-music", "sony-music", "shared-" + first);

		linkAs(asAccountHolderThrough(second, "sony-music"), "sony-music", "shared-" + first)
			.path("linkServiceAccount.errors[0].code")
			.entity(String.class)
			.isEqualTo("ALREADY_LINKED_ELSEWHERE");
	}

	@Test
	void refusesASecondAccountOfAnAlreadyLinkedService() {
		String id = registerThrough("playstation-network");
		link(id, "sony-music", "sony-music", "sm-one-" + id);

		linkAs(asAccountHolderThrough(id, "sony-music"), "sony-music", "sm-two-" + id)
			.path("linkServiceAccount.errors[0].code")
			.entity(String.class)
			.isEqualTo("SERVICE_ALREADY_LINKED");
	}

	@Test
	void sendsTheNewServiceALinkedEventWithItsEntitledDetails() {
		String id = registerThrough("playstation-network", uniqueEmail(),
				Map.of("givenName", "Ada", "familyName", "Lovelace", "country", "GB"));

		link(id, "sony-music", "sony-music", "sm-ev-" + id);

		feedOf("sony-music").path("serviceChanges.edges[?(@.node.accountId == '" + id + "')].node.type")
			.entityList(String.class)
			.containsExactly("service-account.linked")
			.path("serviceChanges.edges[?(@.node.accountId == '" + id + "')].node.data.familyName")
			.entityList(String.class)
			.hasSize(0)
			.path("serviceChanges.edges[?(@.node.accountId == '" + id + "')].node.data.givenName")
			.entityList(String.class)
			.containsExactly("Ada");
	}

	private org.springframework.graphql.test.tester.GraphQlTester.Response linkAs(
			org.springframework.graphql.test.tester.GraphQlTester tester, String serviceId, String serviceAccountId) {
		return tester.documentName("account-pages/linkServiceAccount")
			.variable("input", Map.of("serviceId", serviceId, "serviceAccountId", serviceAccountId))
			.execute();
	}

}
