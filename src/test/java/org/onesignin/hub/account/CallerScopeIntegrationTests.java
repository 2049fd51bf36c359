package org.onesignin.hub.account;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.onesignin.hub.support.HubIntegrationTest;

import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.onesignin.hub.support.ConsentInput.aConsent;
import static org.onesignin.hub.support.ServiceAccount.aServiceAccount;

/**
 * What a person's token may do depending on the client that obtained it: the account
 * pages give full self-service; a partner service's own sign-in gives only what that
 * service may do for the person. And the refusals of the matrix not covered elsewhere.
 */
class CallerScopeIntegrationTests extends HubIntegrationTest {

	@Test
	void showsAPersonSignedInThroughAServiceOnlyThatServicesView() {
		String id = registerThrough("my-sony", uniqueEmail(), Map.of("givenName", "Ada", "familyName", "Lovelace"));
		link(id, aServiceAccount().at("sony-music").withId("sm-" + id));

		asAccountHolderThrough(id, "sony-music").documentName("account-pages/me")
			.execute()
			.path("me.basicDetails.givenName")
			.entity(String.class)
			.isEqualTo("Ada")
			.path("me.basicDetails.familyName")
			.valueIsNull()
			.path("me.linkedAccounts[*].service.id")
			.entityList(String.class)
			.containsExactly("sony-music");
	}

	@Test
	void reservesFullSelfServiceForTheAccountPages() {
		String id = registerThrough("my-sony");
		link(id, aServiceAccount().at("sony-music").withId("sm-" + id));
		GraphQlTester throughMusic = asAccountHolderThrough(id, "sony-music");

		forbidden(throughMusic.documentName("account-pages/exportMyData").execute());
		forbidden(throughMusic.documentName("account-pages/closeMyAccount").variable("input", Map.of()).execute());
		forbidden(throughMusic.documentName("account-pages/myChangeHistory").variable("first", 5).execute());
		forbidden(throughMusic.documentName("account-pages/myAccessLog").variable("first", 5).execute());
		forbidden(throughMusic.documentName("account-pages/changeMySignInEmail")
			.variable("input", Map.of("expectedRevision", 1, "newEmail", uniqueEmail()))
			.execute());
		forbidden(throughMusic.documentName("account-pages/setMyMarketingConsent")
			.variable("input", aConsent().forCompany("sony-europe").sms().granted().toInput())
			.execute());
	}

	@Test
	void letsAPersonSignedInThroughAServiceRecordThatCompanysConsentAsSuch() {
		String id = registerThrough("sony-music");

		asAccountHolderThrough(id, "sony-music").documentName("account-pages/setMyMarketingConsent")
			.variable("input", aConsent().forCompany("sony-music").sms().granted().toInput())
			.execute()
			.path("setMarketingConsent.errors")
			.entityList(Object.class)
			.hasSize(0);

		asAccountHolder(id).documentName("account-pages/myConsentHistory")
			.variable("first", 5)
			.execute()
			.path("me.consentHistory.edges[0].node.source")
			.entity(String.class)
			.isEqualTo("SERVICE");
	}

	@Test
	void refusesLinkingThroughTheAccountPagesPublicClient() {
		String id = registerThrough("sony-music");

		forbidden(asAccountHolder(id).documentName("account-pages/linkServiceAccount")
			.variable("input", Map.of("serviceId", "my-sony", "serviceAccountId", "someone-elses-id"))
			.execute());
	}

	@Test
	void refusesAPartnerChangingTheSignInEmail() {
		String id = registerThrough("sony-music");

		forbidden(asPartnerService("sony-music").documentName("support/changeCustomerSignInEmail")
			.variable("input", Map.of("accountId", id, "expectedRevision", 1, "newEmail", uniqueEmail()))
			.execute());
	}

	@Test
	void letsSupportAskForANewSignInEmailWithATicket() {
		String id = registerThrough("my-sony");
		String newEmail = uniqueEmail();

		asSupportAgent("sony-europe").documentName("support/changeCustomerSignInEmail")
			.variable("input", Map.of("accountId", id, "expectedRevision", 1, "newEmail", newEmail, "ticket", "T-2"))
			.execute()
			.path("changeSignInEmail.account.pendingSignInEmail")
			.entity(String.class)
			.isEqualTo(newEmail);
	}

	@Test
	void withholdsTheHistoriesFromSupportAndPartners() {
		String id = registerThrough("my-sony");

		for (GraphQlTester tester : new GraphQlTester[] { asSupportAgent("sony-europe"),
				asPartnerService("my-sony") }) {
			forbidden(tester.document(
					"query($id: ID!) { account(id: $id, ticket: \"T-1\") { changeHistory(first: 5) { edges { cursor } } } }")
				.variable("id", id)
				.execute());
			forbidden(tester.document(
					"query($id: ID!) { account(id: $id, ticket: \"T-1\") { consentHistory(first: 5) { edges { cursor } } } }")
				.variable("id", id)
				.execute());
		}
	}

	@Test
	void refusesClosureAndLinkingToSupportAndPartners() {
		for (GraphQlTester tester : new GraphQlTester[] { asSupportAgent("sony-europe"),
				asPartnerService("my-sony") }) {
			forbidden(tester.documentName("account-pages/closeMyAccount").variable("input", Map.of()).execute());
			forbidden(tester.documentName("account-pages/linkServiceAccount")
				.variable("input", Map.of("serviceId", "my-sony", "serviceAccountId", "x"))
				.execute());
		}
	}

	@Test
	void refusesGuardianConsentFromThePersonOrAPartner() {
		String id = registerThrough("my-sony");
		Map<String, Object> input = Map.of("accountId", id, "companyId", "sony-europe", "guardianName", "Me", "method",
				"said so", "ticket", "T-1");

		forbidden(asAccountHolder(id).documentName("support/recordGuardianConsent").variable("input", input).execute());
		forbidden(asPartnerService("my-sony").documentName("support/recordGuardianConsent")
			.variable("input", input)
			.execute());
	}

	private static void forbidden(GraphQlTester.Response response) {
		response.errors().expect((error) -> error.getErrorType() == ErrorType.FORBIDDEN).verify();
	}

}
