package org.onesignin.hub.preferences;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.onesignin.hub.support.ConsentInput;
import org.onesignin.hub.support.HubIntegrationTest;

import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onesignin.hub.preferences.ContactQuestion.contacting;
import static org.onesignin.hub.preferences.MarketingPreferencesIntegrationTests.companiesIn;
import static org.onesignin.hub.preferences.MarketingPreferencesIntegrationTests.yearsAgo;
import static org.onesignin.hub.support.CancellationInput.aCancellationOf;
import static org.onesignin.hub.support.ConsentInput.aConsent;

/**
 * Unsubscribe links (valid, tampered, replayed, RFC 8058 one-click) and the contact gate
 * with each of its reasons (rule 7).
 */
class UnsubscribeAndContactGateIntegrationTests extends HubIntegrationTest {

	@Test
	void withdrawsOnlyTheTokensCompanyAndAddress() {
		String email = uniqueEmail();
		String other = uniqueEmail();
		String id = subscribedPerson(email, other);
		String token = unsubscribeToken(id, "sony-music", email);

		anonymous().documentName("email-link/unsubscribe")
			.variable("token", token)
			.execute()
			.path("unsubscribe.errors")
			.entityList(Object.class)
			.hasSize(0)
			.path("unsubscribe.company.id")
			.entity(String.class)
			.isEqualTo("sony-music");

		assertThat(reasonsAgainst(contacting(id).fromCompany("sony-music").byEmail(email).forMarketing()))
			.containsExactly("ADDRESS_UNSUBSCRIBED");
		assertThat(reasonsAgainst(contacting(id).fromCompany("sony-music").byEmail(other).forMarketing())).isEmpty();
		assertThat(reasonsAgainst(contacting(id).fromCompany("sony-music").bySms().forMarketing())).isEmpty();
	}

	@Test
	void treatsAReplayedLinkAsDoneWithoutANewRecord() {
		String email = uniqueEmail();
		String id = subscribedPerson(email, uniqueEmail());
		String token = unsubscribeToken(id, "sony-music", email);
		unsubscribe(token);
		int records = consentRecords(id).size();

		unsubscribe(token).path("unsubscribe.errors").entityList(Object.class).hasSize(0);

		assertThat(consentRecords(id)).hasSize(records);
		assertThat(consentRecords(id).get(records - 1)).isEqualTo("UNSUBSCRIBE_LINK");
	}

	@Test
	void refusesATamperedTokenAndChangesNothing() {
		String email = uniqueEmail();
		String id = subscribedPerson(email, uniqueEmail());
		String token = unsubscribeToken(id, "sony-music", email);
		String[] parts = token.split("\\.");
		String forged = parts[0] + "."
				+ java.util.Base64.getUrlEncoder()
					.withoutPadding()
					.encodeToString(("{\"sub\":\"" + id
							+ "\",\"typ\":\"unsubscribe\",\"company\":\"sony-europe\",\"address\":\"" + email + "\"}")
						.getBytes())
				+ "." + parts[2];

		for (String bad : List.of(forged, token.substring(0, token.length() - 3) + "abc", "not-a-token")) {
			unsubscribe(bad).path("unsubscribe.errors[0].code")
				.entity(String.class)
				.isEqualTo("INVALID_TOKEN")
				.path("unsubscribe.company")
				.valueIsNull();
		}

		assertThat(reasonsAgainst(contacting(id).fromCompany("sony-music").byEmail(email).forMarketing())).isEmpty();
	}

	@Test
	void answersRfc8058OneClickPosts() {
		String email = uniqueEmail();
		String id = subscribedPerson(email, uniqueEmail());
		String token = unsubscribeToken(id, "sony-music", email);

		oneClickUnsubscribe(token).expectStatus().isOk();
		oneClickUnsubscribe("forged").expectStatus().isBadRequest();

		assertThat(reasonsAgainst(contacting(id).fromCompany("sony-music").byEmail(email).forMarketing()))
			.containsExactly("ADDRESS_UNSUBSCRIBED");
	}

	@Test
	void issuesTokensOnlyToPartnersOfThatCompany() {
		String email = uniqueEmail();
		String id = subscribedPerson(email, uniqueEmail());

		asPartnerService("sony-music").documentName("partner/unsubscribeToken")
			.variable("accountId", id)
			.variable("companyId", "sony-europe")
			.variable("address", email)
			.execute()
			.errors()
			.expect((error) -> error.getErrorType() == ErrorType.FORBIDDEN)
			.verify();
		asPartnerService("sony-music").documentName("partner/unsubscribeToken")
			.variable("accountId", id)
			.variable("companyId", "sony-music")
			.variable("address", "stranger@example.com")
			.execute()
			.errors()
			.expect((error) -> error.getErrorType() == ErrorType.BAD_REQUEST)
			.verify();
	}

	@Test
	void reportsNoConsentBeforeAnyChoice() {
		String id = registerThrough("sony-music");

		assertThat(reasonsAgainst(contacting(id).fromCompany("sony-music").byPost().forMarketing()))
			.containsExactly("NO_CONSENT");
	}

	@Test
	void reportsTheWithdrawalOfAnEarlierGrant() {
		String id = registerThrough("sony-music");
		setAsOwner(id, aConsent().forCompany("sony-music").phone().granted());
		setAsOwner(id, aConsent().forCompany("sony-music").phone().withdrawn());

		assertThat(reasonsAgainst(contacting(id).fromCompany("sony-music").byPhone().forMarketing()))
			.containsExactly("WITHDRAWN");
	}

	@Test
	void alwaysAllowsTransactionalMessagesToAnActiveAccount() {
		String id = registerThrough("sony-music");
		setAsOwner(id, aConsent().forCompany("sony-music").email().withdrawn());

		asPartnerService("sony-music").documentName("partner/contactPermission")
			.variables(contacting(id).fromCompany("sony-music").byEmail().forTransactionalMessages().toVariables())
			.execute()
			.path("contactPermission.allowed")
			.entity(Boolean.class)
			.isEqualTo(true);
	}

	@Test
	void refusesProfiledMarketingAfterAnObjection() {
		String id = registerThrough("sony-music");
		setAsOwner(id, aConsent().forCompany("sony-music").sms().granted());
		asAccountHolder(id).documentName("account-pages/objectToProfiling")
			.variable("input", Map.of("objection", true, "policyVersion", "v1"))
			.execute();

		assertThat(reasonsAgainst(contacting(id).fromCompany("sony-music").bySms().forProfiledMarketing()))
			.containsExactly("PROFILING_OBJECTED");
		assertThat(reasonsAgainst(contacting(id).fromCompany("sony-music").bySms().forMarketing())).isEmpty();
	}

	@Test
	void gatesAPersonWhoseNewDateOfBirthMakesThemAMinorWithoutWithdrawingAnything() {
		String id = registerThrough("my-sony");
		setAsOwner(id, aConsent().forCompany("sony-europe").email().granted());

		asAccountHolder(id).documentName("account-pages/updateMyBasicDetails")
			.variable("input", Map.of("expectedRevision", 1, "dateOfBirth", yearsAgo(14)))
			.execute();

		assertThat(asSupportAgent("sony-europe").documentName("support/contactPermission")
			.variables(contacting(id).fromCompany("sony-europe").byEmail().forMarketing().toVariables())
			.execute()
			.path("contactPermission.reasons")
			.entityList(String.class)
			.get()).containsExactly("MINOR_WITHOUT_GUARDIAN_CONSENT");
		List<CompanyPreferences> companies = companiesIn(
				asAccountHolder(id).documentName("account-pages/myMarketingPreferences").execute(), "me");
		assertThat(CompanyPreferences.of("sony-europe", companies).channel("EMAIL").state()).isEqualTo("GRANTED");
	}

	@Test
	void answersAccountNotActiveOnceTheServiceAccountIsCancelled() {
		String id = registerThrough("sony-music");
		setAsOwner(id, aConsent().forCompany("sony-music").sms().granted());

		asPartnerService("sony-music").documentName("partner/cancelServiceAccount")
			.variable("input", aCancellationOf("sony-music").forAccount(id).toInput())
			.execute()
			.path("cancelServiceAccount.errors")
			.entityList(Object.class)
			.hasSize(0);

		assertThat(reasonsAgainst(contacting(id).fromCompany("sony-music").bySms().forMarketing()))
			.containsExactly("ACCOUNT_NOT_ACTIVE");
		assertThat(reasonsAgainst(contacting(id).fromCompany("sony-music").bySms().forTransactionalMessages()))
			.containsExactly("ACCOUNT_NOT_ACTIVE");
	}

	@Test
	void refusesTheGateToCallersOfAnotherCompany() {
		String id = registerThrough("sony-music");

		for (GraphQlTester tester : List.of(asPartnerService("playstation-network"), asSupportAgent("sony-europe"),
				asAccountHolder(id))) {
			tester.documentName("partner/contactPermission")
				.variables(contacting(id).fromCompany("sony-music").byEmail().forMarketing().toVariables())
				.execute()
				.errors()
				.expect((error) -> error.getErrorType() == ErrorType.FORBIDDEN)
				.verify();
		}
	}

	private String subscribedPerson(String email, String otherAddress) {
		String id = registerThrough("sony-music", email, Map.of("givenName", "Ada"));
		setAsOwner(id, aConsent().forCompany("sony-music").email().granted());
		asAccountHolder(id).documentName("account-pages/setMyMarketingConsent")
			.variable("input", aConsent().forCompany("sony-music").byEmail(otherAddress).granted().toInput())
			.execute();
		setAsOwner(id, aConsent().forCompany("sony-music").sms().granted());
		return id;
	}

	private void setAsOwner(String id, ConsentInput consent) {
		asAccountHolder(id).documentName("account-pages/setMyMarketingConsent")
			.variable("input", consent.toInput())
			.execute()
			.path("setMarketingConsent.errors")
			.entityList(Object.class)
			.hasSize(0);
	}

	private String unsubscribeToken(String id, String companyId, String address) {
		return asPartnerService("sony-music").documentName("partner/unsubscribeToken")
			.variable("accountId", id)
			.variable("companyId", companyId)
			.variable("address", address)
			.execute()
			.path("unsubscribeToken")
			.entity(String.class)
			.get();
	}

	private GraphQlTester.Response unsubscribe(String token) {
		return anonymous().documentName("email-link/unsubscribe").variable("token", token).execute();
	}

	/** The reasons the gate gives a partner of sony-music against the contact. */
	private List<String> reasonsAgainst(ContactQuestion contact) {
		return asPartnerService("sony-music").documentName("partner/contactPermission")
			.variables(contact.toVariables())
			.execute()
			.path("contactPermission.reasons")
			.entityList(String.class)
			.get();
	}

	private List<String> consentRecords(String id) {
		return asAccountHolder(id).documentName("account-pages/myConsentHistory")
			.variable("first", 100)
			.execute()
			.path("me.consentHistory.edges[*].node.source")
			.entityList(String.class)
			.get();
	}

}
