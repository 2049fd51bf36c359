package org.onesignin.hub.preferences;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.onesignin.hub.support.HubIntegrationTest;

import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyInserters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onesignin.hub.preferences.MarketingPreferencesIntegrationTests.consent;
import static org.onesignin.hub.preferences.MarketingPreferencesIntegrationTests.yearsAgo;

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

		assertThat(permission(id, "sony-music", "EMAIL", email, "MARKETING")).containsExactly("ADDRESS_UNSUBSCRIBED");
		assertThat(permission(id, "sony-music", "EMAIL", other, "MARKETING")).isEmpty();
		assertThat(permission(id, "sony-music", "SMS", null, "MARKETING")).isEmpty();
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

		assertThat(permission(id, "sony-music", "EMAIL", email, "MARKETING")).isEmpty();
	}

	@Test
	void answersRfc8058OneClickPosts() {
		String email = uniqueEmail();
		String id = subscribedPerson(email, uniqueEmail());
		String token = unsubscribeToken(id, "sony-music", email);

		http().post()
			.uri("/unsubscribe/{token}", token)
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(BodyInserters.fromFormData("List-Unsubscribe", "One-Click"))
			.exchange()
			.expectStatus()
			.isOk();
		http().post()
			.uri("/unsubscribe/{token}", "forged")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(BodyInserters.fromFormData("List-Unsubscribe", "One-Click"))
			.exchange()
			.expectStatus()
			.isBadRequest();

		assertThat(permission(id, "sony-music", "EMAIL", email, "MARKETING")).containsExactly("ADDRESS_UNSUBSCRIBED");
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

		assertThat(permission(id, "sony-music", "POST", null, "MARKETING")).containsExactly("NO_CONSENT");
	}

	@Test
	void reportsAWithdrawal() {
		String id = registerThrough("sony-music");
		setAsOwner(id, "sony-music", "PHONE", "GRANTED");
		setAsOwner(id, "sony-music", "PHONE", "WITHDRAWN");

		assertThat(permission(id, "sony-music", "PHONE", null, "MARKETING")).containsExactly("WITHDRAWN");
	}

	@Test
	void alwaysAllowsTransactionalMessagesToAnActiveAccount() {
		String id = registerThrough("sony-music");
		setAsOwner(id, "sony-music", "EMAIL", "WITHDRAWN");

		asPartnerService("sony-music").documentName("partner/contactPermission")
			.variable("accountId", id)
			.variable("companyId", "sony-music")
			.variable("channel", "EMAIL")
			.variable("purpose", "TRANSACTIONAL")
			.execute()
			.path("contactPermission.allowed")
			.entity(Boolean.class)
			.isEqualTo(true);
	}

	@Test
	void refusesProfiledMarketingAfterAnObjection() {
		String id = registerThrough("sony-music");
		setAsOwner(id, "sony-music", "SMS", "GRANTED");
		asAccountHolder(id).documentName("account-pages/objectToProfiling")
			.variable("input", Map.of("objection", true, "policyVersion", "v1"))
			.execute();

		assertThat(permission(id, "sony-music", "SMS", null, "PROFILED_MARKETING"))
			.containsExactly("PROFILING_OBJECTED");
		assertThat(permission(id, "sony-music", "SMS", null, "MARKETING")).isEmpty();
	}

	@Test
	void gatesAPersonWhoseNewDateOfBirthMakesThemAMinorWithoutWithdrawingAnything() {
		String id = registerThrough("my-sony");
		setAsOwner(id, "sony-europe", "EMAIL", "GRANTED");

		asAccountHolder(id).documentName("account-pages/updateMyBasicDetails")
			.variable("input", Map.of("expectedRevision", 1, "dateOfBirth", yearsAgo(14)))
			.execute();

		assertThat(asSupportAgent("sony-europe").documentName("support/contactPermission")
			.variable("accountId", id)
			.variable("companyId", "sony-europe")
			.variable("channel", "EMAIL")
			.variable("purpose", "MARKETING")
			.execute()
			.path("contactPermission.reasons")
			.entityList(String.class)
			.get()).containsExactly("MINOR_WITHOUT_GUARDIAN_CONSENT");
		asAccountHolder(id).documentName("account-pages/myMarketingPreferences")
			.execute()
			.path("me.marketingPreferences.companies[?(@.company.id == 'sony-europe')].channels[?(@.channel == 'EMAIL')].state")
			.entityList(String.class)
			.containsExactly("GRANTED");
	}

	@Test
	void answersAccountNotActiveOnceTheServiceAccountIsCancelledOrTheIdentityClosed() {
		String id = registerThrough("sony-music");
		setAsOwner(id, "sony-music", "SMS", "GRANTED");

		asPartnerService("sony-music").documentName("partner/cancelServiceAccount")
			.variable("input", Map.of("accountId", id, "serviceId", "sony-music"))
			.execute()
			.path("cancelServiceAccount.errors")
			.entityList(Object.class)
			.hasSize(0);

		assertThat(permission(id, "sony-music", "SMS", null, "MARKETING")).containsExactly("ACCOUNT_NOT_ACTIVE");
		assertThat(permission(id, "sony-music", "SMS", null, "TRANSACTIONAL")).containsExactly("ACCOUNT_NOT_ACTIVE");
	}

	@Test
	void refusesTheGateToCallersOfAnotherCompany() {
		String id = registerThrough("sony-music");

		for (GraphQlTester tester : List.of(asPartnerService("playstation-network"), asSupportAgent("sony-europe"),
				asAccountHolder(id))) {
			tester.documentName("partner/contactPermission")
				.variable("accountId", id)
				.variable("companyId", "sony-music")
				.variable("channel", "EMAIL")
				.variable("purpose", "MARKETING")
				.execute()
				.errors()
				.expect((error) -> error.getErrorType() == ErrorType.FORBIDDEN)
				.verify();
		}
	}

	private String subscribedPerson(String email, String otherAddress) {
		String id = registerThrough("sony-music", email, Map.of("givenName", "Ada"));
		setAsOwner(id, "sony-music", "EMAIL", "GRANTED");
		asAccountHolder(id).documentName("account-pages/setMyMarketingConsent")
			.variable("input", consent(null, "sony-music", "EMAIL", otherAddress, "GRANTED", "v1"))
			.execute();
		setAsOwner(id, "sony-music", "SMS", "GRANTED");
		return id;
	}

	private void setAsOwner(String id, String companyId, String channel, String state) {
		asAccountHolder(id).documentName("account-pages/setMyMarketingConsent")
			.variable("input", consent(null, companyId, channel, null, state, "v1"))
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

	private List<String> permission(String id, String companyId, String channel, String address, String purpose) {
		return asPartnerService("sony-music").documentName("partner/contactPermission")
			.variable("accountId", id)
			.variable("companyId", companyId)
			.variable("channel", channel)
			.variable("address", address)
			.variable("purpose", purpose)
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
