package org.onesignin.hub.preferences;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.onesignin.hub.support.ConsentInput;
import org.onesignin.hub.support.FeedEvent;
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

		GraphQlTester.Response response = preferences(asAccountHolder(id));

		response.path("me.marketingPreferences.companies[*].company.id")
			.entityList(String.class)
			.contains("sony-europe", "sony-interactive", "sony-music", "sony-electronics")
			.hasSize(4)
			.path("me.marketingPreferences.companies[*].channels[*].state")
			.entityList(String.class)
			.satisfies((states) -> assertThat(states).hasSize(16).containsOnly("NOT_ASKED"))
			.path("me.marketingPreferences.groupNews")
			.entity(String.class)
			.isEqualTo("NOT_ASKED");
		assertThat(companiesIn(response, "me").get(0).channel("EMAIL").address()).isEqualTo(email);
	}

	@Test
	void recordsEveryChangeAsAnAppendOnlyConsentRecord() {
		String id = registerThrough("sony-music");

		set(asAccountHolder(id), aConsent().forCompany("sony-music").sms().granted().underPolicy("2025-06"));
		set(asAccountHolder(id), aConsent().forCompany("sony-music").sms().withdrawn().underPolicy("2025-06"));

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
			.isEqualTo("2025-06");
		assertThat(preferencesOf(id, "sony-music").channel("SMS").state()).isEqualTo("WITHDRAWN");
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

		assertThat(preferencesOf(id, "sony-music").email(email).state()).isEqualTo("WITHDRAWN");
		assertThat(preferencesOf(id, "sony-music").email(other).state()).isEqualTo("GRANTED");
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

		assertThat(preferencesOf(id, "sony-music").channel("POST").state()).isEqualTo("NOT_ASKED");
	}

	@Test
	void refusesAPolicyVersionTheCompanyNeverPublishedAndChangesNothing() {
		String id = registerThrough("sony-music");

		set(asAccountHolder(id), aConsent().forCompany("sony-music").sms().granted().underPolicy("2019-01"))
			.path("setMarketingConsent.errors[*].field[1]")
			.entityList(String.class)
			.containsExactly("policyVersion");

		assertThat(preferencesOf(id, "sony-music").channel("SMS").state()).isEqualTo("NOT_ASKED");
	}

	@Test
	void takesAWithdrawalWhateverPolicyVersionItNames() {
		String id = registerThrough("sony-music");
		set(asAccountHolder(id), aConsent().forCompany("sony-music").sms().granted());

		set(asAccountHolder(id), aConsent().forCompany("sony-music").sms().withdrawn().underPolicy("v1"))
			.path("setMarketingConsent.errors")
			.entityList(Object.class)
			.hasSize(0);

		assertThat(preferencesOf(id, "sony-music").channel("SMS").state()).isEqualTo("WITHDRAWN");
	}

	@Test
	void publishesEachCompanysPrivacyPolicyVersions() {
		String id = registerThrough("sony-music");

		asAccountHolder(id).documentName("account-pages/registry")
			.execute()
			.path("companies[?(@.id == 'sony-music')].privacyPolicy.currentVersion")
			.entityList(String.class)
			.containsExactly("2026-01")
			.path("companies[?(@.id == 'sony-music')].privacyPolicy.versions[*]")
			.entityList(String.class)
			.containsExactly("2025-06", "2026-01");
	}

	@Test
	void letsASupportAgentRecordAChoiceForItsOwnCompanyWithATicket() {
		String id = registerThrough("my-sony");

		set(asSupportAgent("sony-europe"),
				aConsent().forAccount(id)
					.forCompany("sony-europe")
					.phone()
					.granted()
					.underPolicy("2026-01")
					.withTicket("T-9"))
			.path("setMarketingConsent.errors")
			.entityList(Object.class)
			.hasSize(0)
			.path("setMarketingConsent.marketingPreferences.companies[*].company.id")
			.entityList(String.class)
			.containsExactly("sony-europe");

		assertThat(preferencesOf(id, "sony-europe").channel("PHONE").state()).isEqualTo("GRANTED");
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
					.underPolicy("2026-01")
					.withTicket("T-9"))
			.errors()
			.expect((error) -> error.getErrorType() == ErrorType.FORBIDDEN)
			.verify();
		assertThat(preferencesOf(id, "sony-music").channel("PHONE").state()).isEqualTo("NOT_ASKED");
	}

	@Test
	void refusesASupportChoiceWithoutATicket() {
		String id = registerThrough("my-sony");

		set(asSupportAgent("sony-europe"),
				aConsent().forAccount(id).forCompany("sony-europe").phone().granted().underPolicy("2026-01"))
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
		assertThat(preferencesOf(id, "sony-europe").channel("EMAIL").state()).isEqualTo("NOT_ASKED");
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
				.path("setMarketingConsent.errors[0].code")
				.entity(String.class)
				.isEqualTo("VALIDATION")
				.path("setMarketingConsent.errors[0].field")
				.entityList(String.class)
				.containsExactly("input", "address");
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
	void reservesGroupNewsAndTheProfilingObjectionToTheOwner() {
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

		List<FeedEvent> toMusic = preferenceChanges("sony-music", id);
		assertThat(toMusic).extracting((event) -> event.data().get("companyId")).containsExactly("sony-music");
		assertThat(toMusic).flatExtracting(MarketingPreferencesIntegrationTests::channelsIn)
			.filteredOn((channel) -> "SMS".equals(channel.get("channel")))
			.extracting((channel) -> channel.get("state"))
			.containsExactly("GRANTED");
		assertThat(preferenceChanges("playstation-network", id)).isEmpty();
	}

	@Test
	void showsAPartnerOnlyItsCompanyTheAddressesItMayKnowAndItsOwnRestriction() {
		String email = uniqueEmail();
		String secret = uniqueEmail();
		String id = registerThrough("sony-music", email, Map.of("dateOfBirth", yearsAgo(14)));
		link(id, aServiceAccount().at("my-sony").withId("ms-" + id));
		set(asAccountHolder(id), aConsent().forCompany("sony-music").sms().granted());
		set(asAccountHolder(id), aConsent().forCompany("sony-europe").byEmail(secret).withdrawn());

		GraphQlTester.Response asSeenByThePartner = asPartnerService("sony-music")
			.document("query($id: ID!) { account(id: $id) { marketingPreferences { restricted "
					+ "companies { company { id } restrictedForMarketing channels { channel address } } } } }")
			.variable("id", id)
			.execute();

		asSeenByThePartner.path("account.marketingPreferences.companies[*].company.id")
			.entityList(String.class)
			.containsExactly("sony-music")
			.path("account.marketingPreferences.restricted")
			.entity(Boolean.class)
			.isEqualTo(false);
		assertThat(companiesIn(asSeenByThePartner, "account").get(0).channel("EMAIL").address()).isEqualTo(email);
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
		assertThat(preferencesOf(id, "sony-europe").channel("EMAIL").state()).isEqualTo("NOT_ASKED");
	}

	@Test
	void acceptsAGrantAboveTheEuropeanAgeOfConsent() {
		String id = registerThrough("my-sony", uniqueEmail(), Map.of("dateOfBirth", yearsAgo(17)));

		set(asAccountHolder(id), aConsent().forCompany("sony-europe").email().granted())
			.path("setMarketingConsent.errors")
			.entityList(Object.class)
			.hasSize(0);
		assertThat(preferencesOf(id, "sony-europe").channel("EMAIL").state()).isEqualTo("GRANTED");
	}

	@Test
	void acceptsA15YearOldsGrantForAnAmericanCompanyButNotA12YearOlds() {
		String teen = registerThrough("sony-music", uniqueEmail(), Map.of("dateOfBirth", yearsAgo(15)));
		String child = registerThrough("sony-music", uniqueEmail(), Map.of("dateOfBirth", yearsAgo(12)));

		set(asAccountHolder(teen), aConsent().forCompany("sony-music").email().granted())
			.path("setMarketingConsent.errors")
			.entityList(Object.class)
			.hasSize(0);
		assertThat(preferencesOf(teen, "sony-music").channel("EMAIL").state()).isEqualTo("GRANTED");
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

	/** The company's marketing preferences as the person sees them. */
	CompanyPreferences preferencesOf(String accountId, String companyId) {
		return CompanyPreferences.of(companyId, companiesIn(preferences(asAccountHolder(accountId)), "me"));
	}

	/** The companies of the marketing preferences of {@code me} or {@code account}. */
	static List<CompanyPreferences> companiesIn(GraphQlTester.Response response, String root) {
		return response.path(root + ".marketingPreferences.companies").entityList(CompanyPreferences.class).get();
	}

	/** The marketing preference changes about an account in a service's feed. */
	List<FeedEvent> preferenceChanges(String serviceId, String accountId) {
		return feedEvents(serviceId, accountId).stream()
			.filter((event) -> event.hasType("marketing-preferences.changed"))
			.toList();
	}

	@SuppressWarnings("unchecked")
	static List<Map<String, Object>> channelsIn(FeedEvent event) {
		return (List<Map<String, Object>>) event.data().get("channels");
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
