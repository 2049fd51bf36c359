package org.onesignin.hub.preferences;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.onesignin.hub.support.ConsentInput;
import org.onesignin.hub.support.HubIntegrationTest;

import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onesignin.hub.support.ConsentInput.aConsent;
import static org.onesignin.hub.support.ServiceAccount.aServiceAccount;

/**
 * Marketing preferences per company and channel, set by each caller kind, with the
 * append-only consent trail, the per-address email rule and propagation to the company's
 * linked services.
 */
class MarketingPreferencesIntegrationTests extends HubIntegrationTest {

	@Test
	void listsEveryCompanyAsNotAskedByDefault() {
		String email = uniqueEmail();
		String id = registerThrough("sony-music", email, Map.of("givenName", "Ada"));

		preferences(asAccountHolder(id)).path("me.marketingPreferences.companies[*].company.id")
			.entityList(String.class)
			.contains("sony-europe", "sony-interactive", "sony-music", "sony-electronics")
			.hasSize(4)
			.path("me.marketingPreferences.companies[*].channels[*].state")
			.entityList(String.class)
			.satisfies((states) -> assertThat(states).hasSize(16).containsOnly("NOT_ASKED"))
			.path("me.marketingPreferences.companies[0].channels[?(@.channel == 'EMAIL')].address")
			.entityList(String.class)
			.containsExactly(email)
			.path("me.marketingPreferences.groupNews")
			.entity(String.class)
			.isEqualTo("NOT_ASKED");
	}

	@Test
	void recordsEveryChangeAsAnAppendOnlyConsentRecord() {
		String id = registerThrough("sony-music");

		set(asAccountHolder(id), aConsent().forCompany("sony-music").sms().granted().underPolicy("v1"));
		set(asAccountHolder(id), aConsent().forCompany("sony-music").sms().withdrawn().underPolicy("v1"));

		asAccountHolder(id).documentName("account-pages/myConsentHistory")
			.variable("first", 10)
			.execute()
			.path("me.consentHistory.edges[*].node.newState")
			.entityList(String.class)
			.containsExactly("GRANTED", "WITHDRAWN")
			.path("me.consentHistory.edges[*].node.previousState")
			.entityList(String.class)
			.containsExactly("NOT_ASKED", "GRANTED")
			.path("me.consentHistory.edges[0].node.source")
			.entity(String.class)
			.isEqualTo("ACCOUNT_PAGES")
			.path("me.consentHistory.edges[0].node.actorKind")
			.entity(String.class)
			.isEqualTo("USER")
			.path("me.consentHistory.edges[0].node.policyVersion")
			.entity(String.class)
			.isEqualTo("v1");
		assertThat(state(id, "sony-music", "SMS", null)).isEqualTo("WITHDRAWN");
	}

	@Test
	void addsNoRecordWhenNothingChanges() {
		String id = registerThrough("sony-music");
		set(asAccountHolder(id), aConsent().forCompany("sony-music").post().granted());

		set(asAccountHolder(id), aConsent().forCompany("sony-music").post().granted());

		asAccountHolder(id).documentName("account-pages/myConsentHistory")
			.variable("first", 10)
			.execute()
			.path("me.consentHistory.edges")
			.entityList(Object.class)
			.hasSize(1);
	}

	@Test
	void keepsEmailConsentPerAddress() {
		String email = uniqueEmail();
		String other = uniqueEmail();
		String id = registerThrough("sony-music", email, Map.of());
		set(asAccountHolder(id), aConsent().forCompany("sony-music").email().granted());
		set(asAccountHolder(id), aConsent().forCompany("sony-music").byEmail(other).granted());

		set(asAccountHolder(id), aConsent().forCompany("sony-music").byEmail(email).withdrawn());

		assertThat(state(id, "sony-music", "EMAIL", email)).isEqualTo("WITHDRAWN");
		assertThat(state(id, "sony-music", "EMAIL", other)).isEqualTo("GRANTED");
	}

	@Test
	void refusesInvalidChoicesWithEveryProblemAndChangesNothing() {
		String id = registerThrough("sony-music");

		set(asAccountHolder(id),
				aConsent().forCompany("sony-music").post().atAddress("a@example.com").notAsked().underPolicy(" "))
			.path("setMarketingConsent.errors[*].field[1]")
			.entityList(String.class)
			.contains("state", "policyVersion", "address")
			.hasSize(3);

		assertThat(state(id, "sony-music", "POST", null)).isEqualTo("NOT_ASKED");
	}

	@Test
	void letsASupportAgentRecordAChoiceForItsOwnCompanyWithATicket() {
		String id = registerThrough("my-sony");

		set(asSupportAgent("sony-europe"),
				aConsent().forAccount(id)
					.forCompany("sony-europe")
					.phone()
					.granted()
					.underPolicy("v3")
					.withTicket("T-9"))
			.path("setMarketingConsent.errors")
			.entityList(Object.class)
			.hasSize(0)
			.path("setMarketingConsent.marketingPreferences.companies[*].company.id")
			.entityList(String.class)
			.containsExactly("sony-europe");

		assertThat(state(id, "sony-europe", "PHONE", null)).isEqualTo("GRANTED");
		assertThat(latestRecordSource(id)).isEqualTo("SUPPORT");
	}

	@Test
	void refusesASupportAgentRecordingForAnotherCompany() {
		String id = registerThrough("my-sony");

		set(asSupportAgent("sony-europe"),
				aConsent().forAccount(id)
					.forCompany("sony-music")
					.phone()
					.granted()
					.underPolicy("v3")
					.withTicket("T-9"))
			.errors()
			.expect((error) -> error.getErrorType() == ErrorType.FORBIDDEN)
			.verify();
		assertThat(state(id, "sony-music", "PHONE", null)).isEqualTo("NOT_ASKED");
	}

	@Test
	void refusesASupportChoiceWithoutATicket() {
		String id = registerThrough("my-sony");

		set(asSupportAgent("sony-europe"),
				aConsent().forAccount(id).forCompany("sony-europe").phone().granted().underPolicy("v3"))
			.path("setMarketingConsent.errors[0].field")
			.entityList(String.class)
			.containsExactly("input", "ticket");
	}

	@Test
	void letsAPartnerSetConsentOnlyForItsOwnController() {
		String id = registerThrough("sony-music");

		set(asPartnerService("sony-music"), aConsent().forAccount(id).forCompany("sony-music").email().granted())
			.path("setMarketingConsent.errors")
			.entityList(Object.class)
			.hasSize(0);
		set(asPartnerService("sony-music"), aConsent().forAccount(id).forCompany("sony-europe").email().granted())
			.errors()
			.expect((error) -> error.getErrorType() == ErrorType.FORBIDDEN)
			.verify();

		assertThat(latestRecordSource(id)).isEqualTo("PARTNER");
		assertThat(state(id, "sony-europe", "EMAIL", null)).isEqualTo("NOT_ASKED");
		asAccountHolder(id).documentName("account-pages/myAccessLog")
			.variable("first", 10)
			.execute()
			.path("me.accessLog.edges[*].node.action")
			.entityList(String.class)
			.containsExactly("CONSENT_CHANGE");
	}

	@Test
	void treatsAnAddressGivenToAnotherCompanyLikeAnUnknownOne() {
		String secret = uniqueEmail();
		String id = registerThrough("sony-music");
		link(id, aServiceAccount().at("my-sony").withId("ms-" + id));
		set(asAccountHolder(id), aConsent().forCompany("sony-europe").byEmail(secret).granted());

		for (String address : List.of(secret, uniqueEmail())) {
			set(asPartnerService("sony-music"),
					aConsent().forAccount(id).forCompany("sony-music").byEmail(address).withdrawn())
				.path("setMarketingConsent.errors[0].message")
				.entity(String.class)
				.isEqualTo("Not one of this person's email addresses");
		}
	}

	@Test
	void hidesAccountsNotLinkedToThePartner() {
		String id = registerThrough("playstation-network");

		set(asPartnerService("sony-music"), aConsent().forAccount(id).forCompany("sony-music").email().granted())
			.path("setMarketingConsent.errors[0].code")
			.entity(String.class)
			.isEqualTo("NOT_FOUND");
	}

	@Test
	void refusesAnonymousChanges() {
		set(anonymous(), aConsent().forAccount("x").forCompany("sony-music").email().granted()).errors()
			.expect((error) -> error.getErrorType() == ErrorType.UNAUTHORIZED)
			.verify();
	}

	@Test
	void keepsGroupNewsAndTheProfilingObjectionForTheOwner() {
		String id = registerThrough("sony-music");

		asAccountHolder(id).documentName("account-pages/setMyGroupNewsConsent")
			.variable("input", Map.of("state", "GRANTED", "policyVersion", "v1"))
			.execute()
			.path("setGroupNewsConsent.marketingPreferences.groupNews")
			.entity(String.class)
			.isEqualTo("GRANTED");
		asAccountHolder(id).documentName("account-pages/objectToProfiling")
			.variable("input", Map.of("objection", true, "policyVersion", "v1"))
			.execute()
			.path("objectToProfiling.marketingPreferences.profilingObjection")
			.entity(Boolean.class)
			.isEqualTo(true);
		asPartnerService("sony-music").documentName("account-pages/setMyGroupNewsConsent")
			.variable("input", Map.of("accountId", id, "state", "WITHDRAWN", "policyVersion", "v1"))
			.execute()
			.errors()
			.expect((error) -> error.getErrorType() == ErrorType.FORBIDDEN)
			.verify();
	}

	@Test
	void sendsTheCompanysLinkedServicesOnlyThatCompanysConsent() {
		String id = registerThrough("sony-music");
		link(id, aServiceAccount().at("playstation-network").withId("psn-" + id));

		set(asAccountHolder(id), aConsent().forCompany("sony-music").sms().granted());

		feedOf("sony-music")
			.path("serviceChanges.edges[?(@.node.accountId == '" + id
					+ "' && @.node.type == 'marketing-preferences.changed')].node.data.companyId")
			.entityList(String.class)
			.containsExactly("sony-music")
			.path("serviceChanges.edges[?(@.node.accountId == '" + id
					+ "' && @.node.type == 'marketing-preferences.changed')].node.data.channels[?(@.channel == 'SMS')].state")
			.entityList(String.class)
			.containsExactly("GRANTED");
		feedOf("playstation-network")
			.path("serviceChanges.edges[?(@.node.accountId == '" + id
					+ "' && @.node.type == 'marketing-preferences.changed')]")
			.entityList(Object.class)
			.hasSize(0);
	}

	@Test
	void showsAPartnerOnlyItsCompanyTheAddressesItMayKnowAndItsOwnRestriction() {
		String email = uniqueEmail();
		String secret = uniqueEmail();
		String id = registerThrough("sony-music", email, Map.of("dateOfBirth", yearsAgo(14)));
		link(id, aServiceAccount().at("my-sony").withId("ms-" + id));
		set(asAccountHolder(id), aConsent().forCompany("sony-music").sms().granted());
		set(asAccountHolder(id), aConsent().forCompany("sony-europe").byEmail(secret).withdrawn());

		asPartnerService("sony-music")
			.document("query($id: ID!) { account(id: $id) { marketingPreferences { restricted "
					+ "companies { company { id } restrictedForMarketing channels { channel address } } } } }")
			.variable("id", id)
			.execute()
			.path("account.marketingPreferences.companies[*].company.id")
			.entityList(String.class)
			.containsExactly("sony-music")
			.path("account.marketingPreferences.companies[0].channels[?(@.channel == 'EMAIL')].address")
			.entityList(String.class)
			.containsExactly(email)
			.path("account.marketingPreferences.restricted")
			.entity(Boolean.class)
			.isEqualTo(false);
		preferences(asAccountHolder(id)).path("me.marketingPreferences.restricted")
			.entity(Boolean.class)
			.isEqualTo(true);
	}

	@Test
	void refusesAChildsGrantWithoutAGuardianBelowTheEuropeanAgeOfConsent() {
		String id = registerThrough("my-sony", uniqueEmail(), Map.of("dateOfBirth", yearsAgo(15)));

		set(asAccountHolder(id), aConsent().forCompany("sony-europe").email().granted())
			.path("setMarketingConsent.errors[0].code")
			.entity(String.class)
			.isEqualTo("GUARDIAN_CONSENT_REQUIRED");
		preferences(asAccountHolder(id)).path("me.marketingPreferences.restricted")
			.entity(Boolean.class)
			.isEqualTo(true);
		assertThat(state(id, "sony-europe", "EMAIL", null)).isEqualTo("NOT_ASKED");
	}

	@Test
	void acceptsAGrantAboveTheEuropeanAgeOfConsent() {
		String id = registerThrough("my-sony", uniqueEmail(), Map.of("dateOfBirth", yearsAgo(17)));

		set(asAccountHolder(id), aConsent().forCompany("sony-europe").email().granted())
			.path("setMarketingConsent.errors")
			.entityList(Object.class)
			.hasSize(0);
		assertThat(state(id, "sony-europe", "EMAIL", null)).isEqualTo("GRANTED");
	}

	@Test
	void acceptsA15YearOldsGrantForAnAmericanCompanyButNotA12YearOlds() {
		String teen = registerThrough("sony-music", uniqueEmail(), Map.of("dateOfBirth", yearsAgo(15)));
		String child = registerThrough("sony-music", uniqueEmail(), Map.of("dateOfBirth", yearsAgo(12)));

		set(asAccountHolder(teen), aConsent().forCompany("sony-music").email().granted())
			.path("setMarketingConsent.errors")
			.entityList(Object.class)
			.hasSize(0);
		assertThat(state(teen, "sony-music", "EMAIL", null)).isEqualTo("GRANTED");
		set(asAccountHolder(child), aConsent().forCompany("sony-music").email().granted())
			.path("setMarketingConsent.errors[0].code")
			.entity(String.class)
			.isEqualTo("GUARDIAN_CONSENT_REQUIRED");
	}

	@Test
	void acceptsAChildsGrantOnceTheCompanysSupportRecordedAGuardiansConsent() {
		String id = registerThrough("my-sony", uniqueEmail(), Map.of("dateOfBirth", yearsAgo(14)));

		asSupportAgent("sony-europe").documentName("support/recordGuardianConsent")
			.variable("input",
					Map.of("accountId", id, "companyId", "sony-europe", "guardianName", "Anne Isabella", "method",
							"signed form received by post", "ticket", "T-5"))
			.execute()
			.path("recordGuardianConsent.errors")
			.entityList(Object.class)
			.hasSize(0);

		set(asAccountHolder(id), aConsent().forCompany("sony-europe").email().granted())
			.path("setMarketingConsent.errors")
			.entityList(Object.class)
			.hasSize(0);
		asAccountHolder(id).documentName("account-pages/myConsentHistory")
			.variable("first", 10)
			.execute()
			.path("me.consentHistory.edges[0].node.guardianName")
			.entity(String.class)
			.isEqualTo("Anne Isabella");
	}

	@Test
	void refusesGuardianConsentRecordedByAnotherCompanysSupport() {
		String id = registerThrough("my-sony", uniqueEmail(), Map.of("dateOfBirth", yearsAgo(14)));
		link(id, aServiceAccount().at("sony-music").withId("sm-" + id));

		asSupportAgent("sony-music").documentName("support/recordGuardianConsent")
			.variable("input",
					Map.of("accountId", id, "companyId", "sony-europe", "guardianName", "X", "method", "phone",
							"ticket", "T-5"))
			.execute()
			.errors()
			.expect((error) -> error.getErrorType() == ErrorType.FORBIDDEN)
			.verify();
	}

	static String yearsAgo(int years) {
		return LocalDate.now().minusYears(years).minusDays(1).toString();
	}

	GraphQlTester.Response set(GraphQlTester tester, ConsentInput consent) {
		return tester.documentName("account-pages/setMyMarketingConsent")
			.variable("input", consent.toInput())
			.execute();
	}

	GraphQlTester.Response preferences(GraphQlTester tester) {
		return tester.documentName("account-pages/myMarketingPreferences").execute();
	}

	String state(String accountId, String companyId, String channel, String address) {
		String filter = "me.marketingPreferences.companies[?(@.company.id == '" + companyId
				+ "')].channels[?(@.channel == '" + channel + "'"
				+ ((address != null) ? " && @.address == '" + address + "'" : "") + ")].state";
		List<String> states = preferences(asAccountHolder(accountId)).path(filter).entityList(String.class).get();
		assertThat(states).hasSize(1);
		return states.get(0);
	}

	String latestRecordSource(String accountId) {
		List<String> sources = asAccountHolder(accountId).documentName("account-pages/myConsentHistory")
			.variable("first", 100)
			.execute()
			.path("me.consentHistory.edges[*].node.source")
			.entityList(String.class)
			.get();
		return sources.get(sources.size() - 1);
	}

}
