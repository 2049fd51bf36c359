package org.onesignin.hub.administration;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import org.onesignin.hub.HubApplication;
import org.onesignin.hub.support.FeedEvent;
import org.onesignin.hub.support.HubIntegrationTest;
import org.onesignin.hub.support.RawGraphQl;
import org.onesignin.hub.support.TestMailbox;
import org.onesignin.hub.support.TestStores;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.reactive.function.BodyInserters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onesignin.hub.support.ServiceAccount.aServiceAccount;

/**
 * The registry's administrators: a service onboarded through the API signs its partner in
 * and registers people at once; a change of synced fields made on one instance is seen by
 * another within seconds and changes what the next event carries; bad entries are refused
 * field by field with nothing changed; every change is in the registry's change log; no
 * other caller may change or read any of it.
 */
@TestPropertySource(properties = "hub.registry.refresh-interval=200ms")
class RegistryAdministrationIntegrationTests extends HubIntegrationTest {

	@Autowired
	private MongoConnectionDetails store;

	@Test
	void onboardsAServiceWhosePartnerSignsInAndRegistersPeopleAtOnce() {
		String serviceId = uniqueServiceId();

		GraphQlTester.Response created = createService(asAdministrator(), serviceId, List.of("EMAIL", "GIVEN_NAME"));

		created.path("createService.errors").entityList(Object.class).hasSize(0);
		created.path("createService.service.service.controller.id").entity(String.class).isEqualTo("sony-music");
		created.path("createService.service.clients[0].type").entity(String.class).isEqualTo("CONFIDENTIAL");
		// the sign-in server knows the new client: its demo secret gets a token
		http().post()
			.uri("/oauth2/token")
			.headers((headers) -> headers.setBasicAuth(serviceId, serviceId + "-secret"))
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(BodyInserters.fromFormData("grant_type", "client_credentials"))
			.exchange()
			.expectStatus()
			.isOk();
		String accountId = registerThrough(serviceId);
		assertThat(linkedAccountsOf(accountId)).anyMatch((link) -> link.service().id().equals(serviceId));
		asAdministrator().documentName("administration/registryChanges")
			.variable("first", 100)
			.execute()
			.path("registryChanges.edges[*].node")
			.entityList(Map.class)
			.satisfies((changes) -> assertThat(changes).anyMatch((change) -> serviceId.equals(change.get("target"))
					&& "CREATE_SERVICE".equals(change.get("action")) && "ADMINISTRATOR".equals(change.get("actorKind"))
					&& String.valueOf(change.get("actorId")).startsWith("admin-")));
	}

	@Test
	void showsAChangeOfSyncedFieldsOnASecondInstanceAndSendsOnlyTheFieldsLeft() {
		String serviceId = uniqueServiceId();
		createService(asAdministrator(), serviceId, List.of("EMAIL", "GIVEN_NAME", "COUNTRY"))
			.path("createService.errors")
			.entityList(Object.class)
			.hasSize(0);
		String accountId = registerThrough("my-sony");
		link(accountId, aServiceAccount().at(serviceId).withId("acct-" + accountId));

		try (ConfigurableApplicationContext second = secondInstance(
				this.store.getConnectionString().getConnectionString())) {
			HttpGraphQlTester onSecond = onInstance(second, this.jwts.user(accountId, "account-pages"));
			updateService(Map.of("serviceId", serviceId, "syncedFields", List.of("EMAIL", "COUNTRY")))
				.path("updateService.errors")
				.entityList(Object.class)
				.hasSize(0);
			awaitSyncedFields(second, serviceId, List.of("EMAIL", "COUNTRY"));

			onSecond.documentName("account-pages/updateMyBasicDetails")
				.variable("input",
						Map.of("expectedRevision", revisionOf(accountId), "givenName", "Grace", "country", "NL"))
				.execute()
				.path("updateBasicDetails.errors")
				.entityList(Object.class)
				.hasSize(0);
		}

		FeedEvent last = awaitLastEvent(serviceId, accountId, "basic-details.changed");
		assertThat(last.changedFields()).containsExactly("COUNTRY");
		assertThat(last.data()).doesNotContainKey("givenName").containsEntry("country", "NL");
	}

	@Test
	void keepsWhatTheFormerPerEntryCollectionsHeldOnTheFirstStartWithOneDocument() {
		String uri = withDatabase(this.store.getConnectionString().getConnectionString(),
				"former-" + UUID.randomUUID());
		try (MongoClient client = MongoClients.create(uri)) {
			MongoDatabase former = client.getDatabase(new ConnectionString(uri).getDatabase());
			former.getCollection("companies")
				.insertOne(new Document("_id", "sony-music").append("name", "Sony Music Entertainment")
					.append("jurisdiction", "US")
					.append("digitalAgeOfConsent", 13));
			// a service an earlier registry file named and the current one no longer does
			former.getCollection("services")
				.insertOne(new Document("_id", "retired-club").append("name", "Retired Club")
					.append("controllerId", "sony-music")
					.append("clientIds", List.of("retired-club"))
					.append("syncedFields", List.of("EMAIL"))
					.append("verifiesEmails", false));
		}

		try (ConfigurableApplicationContext upgraded = secondInstance(uri)) {
			// its own store and signing keys: the public privacy contacts answer
			int port = ((WebServerApplicationContext) upgraded).getWebServer().getPort();
			anonymous().mutate()
				.url("http://127.0.0.1:" + port + "/graphql")
				.build()
				.documentName("account-pages/privacyContacts")
				.execute()
				.path("privacyContacts[*].services[*].id")
				.entityList(String.class)
				.contains("retired-club", "my-sony");
		}
		try (MongoClient client = MongoClients.create(uri)) {
			assertThat(client.getDatabase(new ConnectionString(uri).getDatabase()).listCollectionNames())
				.doesNotContain("companies", "services", "sign_in_clients")
				.contains("registry");
		}
	}

	@Test
	void refusesABadServiceFieldByFieldAndChangesNothing() {
		String serviceId = uniqueServiceId();
		Map<String, Object> input = new HashMap<>(serviceInput("Not A Slug!", List.of("EMAIL")));
		input.put("controllerId", "no-such-company");
		input.put("clients",
				List.of(Map.of("id", "support-console", "type", "PUBLIC", "redirectUris",
						List.of("http://partner.example/callback")),
						Map.of("id", serviceId, "type", "CONFIDENTIAL", "redirectUris",
								List.of("https://partner.example/cb#fragment"))));
		input.put("webhook", Map.of("url", "http://169.254.169.254/latest"));
		int changesBefore = registryChangeCount();

		GraphQlTester.Response refused = asAdministrator().documentName("administration/createService")
			.variable("input", input)
			.execute();

		refused.path("createService.service").valueIsNull();
		List<Map<String, Object>> errors = refused.path("createService.errors").entityList(errorType()).get();
		assertThat(errors).allMatch((error) -> "VALIDATION".equals(error.get("code")));
		assertThat(errors).extracting((error) -> String.join(".", castList(error.get("field"))))
			.contains("input.id", "input.controllerId", "input.clients.0.type", "input.clients.0.redirectUris.0",
					"input.clients.1.redirectUris.0", "input.webhook.url");
		assertThat(registryChangeCount()).isEqualTo(changesBefore);
		asAdministrator().documentName("account-pages/registry")
			.execute()
			.path("services[*].id")
			.entityList(String.class)
			.doesNotContain("Not A Slug!", serviceId);
	}

	@Test
	void refusesAClientIdThatIsAlreadyAnothersAndKeepsItsOwner() {
		String serviceId = uniqueServiceId();
		Map<String, Object> input = new HashMap<>(serviceInput(serviceId, List.of("EMAIL")));
		input.put("clients", List.of(Map.of("id", "sony-music", "type", "CONFIDENTIAL")));

		asAdministrator().documentName("administration/createService")
			.variable("input", input)
			.execute()
			.path("createService.errors[0].code")
			.entity(String.class)
			.isEqualTo("VALIDATION")
			.path("createService.errors[0].field")
			.entityList(String.class)
			.containsExactly("input", "clients");

		asAdministrator().documentName("administration/serviceRegistration")
			.variable("serviceId", "sony-music")
			.execute()
			.path("serviceRegistration.clients[*].id")
			.entityList(String.class)
			.containsExactly("sony-music");
		asAdministrator().documentName("administration/serviceRegistration")
			.variable("serviceId", serviceId)
			.execute()
			.path("serviceRegistration")
			.valueIsNull();
	}

	@Test
	void keepsTheAccountPagesClientOutOfAnAdministratorsReach() {
		Map<String, Object> takeover = Map.of("serviceId", "my-sony", "clients", List.of(Map.of("id", "account-pages",
				"type", "PUBLIC", "redirectUris", List.of("https://attacker.example/callback"))));

		GraphQlTester.Response refused = updateService(takeover);

		refused.path("updateService.errors[*].field")
			.entityList(Object.class)
			.satisfies((fields) -> assertThat(fields.toString()).contains("input, clients, 0, id")
				.contains("input, clients, 0, type"));
		// naming only the service's own client keeps the file's account pages client
		updateService(Map.of("serviceId", "my-sony", "clients",
				List.of(Map.of("id", "my-sony", "type", "CONFIDENTIAL", "redirectUris",
						List.of("http://127.0.0.1/callback")))))
			.path("updateService.errors")
			.entityList(Object.class)
			.hasSize(0)
			.path("updateService.service.clients[?(@.id == 'account-pages')].redirectUris[*]")
			.entityList(String.class)
			.satisfies((uris) -> assertThat(uris).isNotEmpty().noneMatch((uri) -> uri.contains("attacker")));
	}

	@Test
	void logsWhatAChangedFieldWasAndBecame() {
		String serviceId = uniqueServiceId();
		createService(asAdministrator(), serviceId, List.of("EMAIL", "GIVEN_NAME"));

		updateService(Map.of("serviceId", serviceId, "syncedFields", List.of("EMAIL")));

		Map<?, ?> last = lastRegistryChange();
		assertThat(last.get("action")).isEqualTo("UPDATE_SERVICE");
		assertThat(last.get("target")).isEqualTo(serviceId);
		assertThat(last.get("fields")).isEqualTo(List.of("syncedFields"));
		assertThat(asMap(last.get("before"))).containsEntry("syncedFields", List.of("EMAIL", "GIVEN_NAME"));
		assertThat(asMap(last.get("after"))).containsEntry("syncedFields", List.of("EMAIL"));
	}

	@Test
	void refusesAWebhookWithoutASigningSecret() {
		String serviceId = uniqueServiceId();
		createService(asAdministrator(), serviceId, List.of("EMAIL")).path("createService.errors")
			.entityList(Object.class)
			.hasSize(0);

		updateService(Map.of("serviceId", serviceId, "webhook", Map.of("url", "http://127.0.0.1:9/hooks")))
			.path("updateService.errors[0].code")
			.entity(String.class)
			.isEqualTo("VALIDATION")
			.path("updateService.errors[0].field")
			.entityList(String.class)
			.containsExactly("input", "webhook", "url");

		asAdministrator().documentName("administration/serviceRegistration")
			.variable("serviceId", serviceId)
			.execute()
			.path("serviceRegistration.webhookUrl")
			.valueIsNull();
	}

	@Test
	void publishesANewPolicyVersionThatConsentsMayThenName() {
		String accountId = registerThrough("sony-music");
		String version = "2027-" + UUID.randomUUID().toString().substring(0, 8);

		GraphQlTester.Response updated = asAdministrator().documentName("administration/updateCompany")
			.variable("input",
					Map.of("companyId", "sony-music", "privacyPolicy",
							Map.of("url", "https://privacy.sony-music.example/policy/2027", "currentVersion", version),
							"privacyContact", Map.of("email", "dpo@sony-music.example")))
			.execute();

		updated.path("updateCompany.errors").entityList(Object.class).hasSize(0);
		updated.path("updateCompany.company.privacyPolicy.currentVersion").entity(String.class).isEqualTo(version);
		updated.path("updateCompany.company.privacyPolicy.versions")
			.entityList(String.class)
			.contains("2025-06", "2026-01", version);
		updated.path("updateCompany.company.privacyContact.email")
			.entity(String.class)
			.isEqualTo("dpo@sony-music.example");
		asPartnerService("sony-music").documentName("partner/setMarketingConsent")
			.variable("input",
					Map.of("accountId", accountId, "companyId", "sony-music", "channel", "SMS", "state", "GRANTED",
							"policyVersion", version))
			.execute()
			.path("setMarketingConsent.errors")
			.entityList(Object.class)
			.hasSize(0);
	}

	@Test
	void refusesBringingBackASupersededPolicyVersionAndAnUnknownCompany() {
		asAdministrator().documentName("administration/updateCompany")
			.variable("input",
					Map.of("companyId", "sony-electronics", "privacyPolicy",
							Map.of("url", "https://privacy.sony-electronics.example/policy", "currentVersion",
									"2025-06")))
			.execute()
			.path("updateCompany.errors[0].code")
			.entity(String.class)
			.isEqualTo("VALIDATION")
			.path("updateCompany.errors[0].field")
			.entityList(String.class)
			.containsExactly("input", "privacyPolicy", "currentVersion");
		asAdministrator().documentName("administration/updateCompany")
			.variable("input", Map.of("companyId", "no-such-company", "name", "Nobody"))
			.execute()
			.path("updateCompany.errors[0].code")
			.entity(String.class)
			.isEqualTo("NOT_FOUND");

		asAdministrator().documentName("account-pages/registry")
			.execute()
			.path("companies[?(@.id == 'sony-electronics')].privacyPolicy.currentVersion")
			.entityList(String.class)
			.containsExactly("2026-01");
	}

	@Test
	void refusesEveryOtherCallerEveryAdministrationOperation() {
		String accountId = registerThrough("my-sony");
		Map<HttpGraphQlTester, ErrorType> callers = Map.of(asAccountHolder(accountId), ErrorType.FORBIDDEN,
				asAccountHolderThrough(accountId, "my-sony"), ErrorType.FORBIDDEN, asPartnerService("sony-music"),
				ErrorType.FORBIDDEN, asSupportAgent("sony-music"), ErrorType.FORBIDDEN, asSupportAgent("sony-europe"),
				ErrorType.FORBIDDEN, anonymous(), ErrorType.UNAUTHORIZED);

		callers.forEach((caller, refusal) -> {
			assertRefused(caller, "administration/createService",
					Map.of("input", serviceInput(uniqueServiceId(), List.of("EMAIL"))), refusal);
			assertRefused(caller, "administration/updateService",
					Map.of("input", Map.of("serviceId", "sony-music", "syncedFields", List.of("EMAIL"))), refusal);
			assertRefused(caller, "administration/updateCompany",
					Map.of("input", Map.of("companyId", "sony-music", "name", "Taken Over")), refusal);
			assertRefused(caller, "administration/registryChanges", Map.of("first", 10), refusal);
			assertRefused(caller, "administration/serviceRegistration", Map.of("serviceId", "sony-music"), refusal);
		});
		// a forged administrator's token: refused before any GraphQL runs
		RawGraphQl
			.exchange(
					http(), this.jwts.administratorSignedWithForeignKey("admin-forged"), Map
						.of("query",
								"mutation { updateCompany(input: {companyId: \"sony-music\", name: \"Taken Over\"}) "
										+ "{ errors { code } } }"))
			.expectStatus()
			.isUnauthorized();

		asAdministrator().documentName("administration/serviceRegistration")
			.variable("serviceId", "sony-music")
			.execute()
			.path("serviceRegistration.service.syncedFields")
			.entityList(String.class)
			.satisfies((fields) -> assertThat(fields).containsExactlyInAnyOrder("EMAIL", "GIVEN_NAME", "COUNTRY"));
		asAdministrator().documentName("account-pages/registry")
			.execute()
			.path("companies[?(@.id == 'sony-music')].name")
			.entityList(String.class)
			.containsExactly("Sony Music Entertainment");
	}

	@Test
	void showsAnAdministratorNoAccount() {
		String accountId = registerThrough("my-sony");

		GraphQlTester.Response read = asAdministrator().documentName("support/customerAccount")
			.variable("id", accountId)
			.variable("ticket", "T-1")
			.execute();

		read.errors().expect((error) -> error.getErrorType() == ErrorType.FORBIDDEN).verify();
		read.path("account").valueIsNull();
	}

	private Map<?, ?> lastRegistryChange() {
		List<Map> changes = asAdministrator().documentName("administration/registryChanges")
			.variable("first", 100)
			.execute()
			.path("registryChanges.edges[*].node")
			.entityList(Map.class)
			.get();
		return changes.get(changes.size() - 1);
	}

	private int registryChangeCount() {
		return asAdministrator().documentName("administration/registryChanges")
			.variable("first", 100)
			.execute()
			.path("registryChanges.edges")
			.entityList(Object.class)
			.get()
			.size();
	}

	private void assertRefused(HttpGraphQlTester caller, String document, Map<String, Object> variables,
			ErrorType type) {
		GraphQlTester.Request<?> request = caller.documentName(document);
		variables.forEach(request::variable);
		request.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors).as(document)
				.isNotEmpty()
				.allMatch((error) -> error.getErrorType() == type));
	}

	private GraphQlTester.Response createService(HttpGraphQlTester admin, String serviceId, List<String> fields) {
		return admin.documentName("administration/createService")
			.variable("input", serviceInput(serviceId, fields))
			.execute();
	}

	private GraphQlTester.Response updateService(Map<String, Object> input) {
		return asAdministrator().documentName("administration/updateService").variable("input", input).execute();
	}

	private static Map<String, Object> serviceInput(String serviceId, List<String> fields) {
		return Map.of("id", serviceId, "name", "Club " + serviceId, "controllerId", "sony-music", "syncedFields",
				fields, "clients",
				List.of(Map.of("id", serviceId, "type", "CONFIDENTIAL", "redirectUris",
						List.of("https://club.example/callback", "http://127.0.0.1/callback"))),
				"cancellation", Map.of("url", "https://club.example/close", "instructions", "Close it in settings."),
				"verifiesEmails", true);
	}

	private static String uniqueServiceId() {
		return "club-" + UUID.randomUUID().toString().substring(0, 8);
	}

	/** Waits (at most 10 s) until the second instance serves the synced fields. */
	private void awaitSyncedFields(ConfigurableApplicationContext second, String serviceId, List<String> expected) {
		HttpGraphQlTester admin = onInstance(second, this.jwts.administrator("admin-second"));
		Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
		List<String> seen = List.of();
		while (Instant.now().isBefore(deadline)) {
			seen = admin.documentName("administration/serviceRegistration")
				.variable("serviceId", serviceId)
				.execute()
				.path("serviceRegistration.service.syncedFields")
				.entityList(String.class)
				.get();
			if (seen.size() == expected.size() && seen.containsAll(expected)) {
				return;
			}
			sleep(100);
		}
		assertThat(seen).as("synced fields on the second instance").containsExactlyInAnyOrderElementsOf(expected);
	}

	private FeedEvent awaitLastEvent(String serviceId, String accountId, String type) {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
		while (Instant.now().isBefore(deadline)) {
			List<FeedEvent> events = wholeFeedEvents(serviceId, accountId);
			if (!events.isEmpty() && events.get(events.size() - 1).hasType(type)) {
				return events.get(events.size() - 1);
			}
			sleep(100);
		}
		throw new AssertionError("No " + type + " event reached " + serviceId);
	}

	private HttpGraphQlTester onInstance(ConfigurableApplicationContext instance, String token) {
		int port = ((WebServerApplicationContext) instance).getWebServer().getPort();
		return anonymous().mutate()
			.url("http://127.0.0.1:" + port + "/graphql")
			.headers((headers) -> headers.setBearerAuth(token))
			.build();
	}

	/** A second hub on the store at the URI. */
	private ConfigurableApplicationContext secondInstance(String uri) {
		Path scratch = TestStores.scratchDirectory();
		return new SpringApplicationBuilder(HubApplication.class).run("--server.port=0", "--server.address=127.0.0.1",
				"--spring.mongodb.uri=" + uri, "--hub.unsubscribe.secret-file=" + scratch.resolve("unsubscribe-secret"),
				"--hub.mail.directory=" + scratch.resolve("mail"), "--hub.registry.refresh-interval=200ms",
				"--hub.relay.interval=100ms", "--logging.level.root=warn", "--spring.mail.host=127.0.0.1",
				"--spring.mail.port=" + TestMailbox.port(), "--hub.rate-limits.person.capacity=1000000");
	}

	/** The connection string with another database. */
	private static String withDatabase(String uri, String database) {
		int query = uri.indexOf('?');
		String base = (query >= 0) ? uri.substring(0, query) : uri;
		String hosts = base.substring(0, base.indexOf('/', "mongodb://".length()));
		return hosts + "/" + database + ((query >= 0) ? uri.substring(query) : "");
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> asMap(Object value) {
		return (Map<String, Object>) value;
	}

	@SuppressWarnings("unchecked")
	private static List<String> castList(Object value) {
		return (List<String>) value;
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static Class<Map<String, Object>> errorType() {
		return (Class) Map.class;
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
