package org.onesignin.hub.support;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.FileSystemResource;
import org.springframework.graphql.support.ResourceDocumentSource;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onesignin.hub.support.RegistrationInput.aRegistration;

/**
 * Base of the tests that call the running hub over HTTP as its callers do: one GraphQL
 * tester per caller kind with real signed tokens, the operation documents from
 * {@code graphql/operations/}, and a real MongoDB wire-protocol store.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "hub.relay.interval=100ms", "logging.level.org.testcontainers=warn",
				// the suite's callers share a few identities: limits have tests of
				// their own
				"hub.rate-limits.partner-service.capacity=1000000", "hub.rate-limits.person.capacity=1000000",
				"hub.rate-limits.support-agent.capacity=1000000", "hub.rate-limits.anonymous.capacity=1000000",
				"logging.level.com.icegreen=warn" })
public abstract class HubIntegrationTest {

	@LocalServerPort
	protected int port;

	@Autowired
	private JwtEncoder encoder;

	protected TestJwts jwts;

	@DynamicPropertySource
	static void store(DynamicPropertyRegistry registry) {
		TestStores.register(registry);
		TestMailbox.register(registry);
	}

	@BeforeEach
	void setUpTokens() {
		this.jwts = new TestJwts(this.encoder);
	}

	protected WebTestClient http() {
		return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + this.port).build();
	}

	protected HttpGraphQlTester anonymous() {
		return HttpGraphQlTester.builder(http().mutate().baseUrl("http://127.0.0.1:" + this.port + "/graphql"))
			.documentSource(new ResourceDocumentSource(List.of(new FileSystemResource("graphql/operations/")),
					List.of(".graphql")))
			.build();
	}

	protected HttpGraphQlTester withToken(String token) {
		return anonymous().mutate().headers((headers) -> headers.setBearerAuth(token)).build();
	}

	protected HttpGraphQlTester asAccountHolder(String accountId) {
		return withToken(this.jwts.user(accountId, "account-pages"));
	}

	protected HttpGraphQlTester asAccountHolderThrough(String accountId, String clientId) {
		return withToken(this.jwts.user(accountId, clientId));
	}

	protected HttpGraphQlTester asPartnerService(String clientId) {
		return withToken(this.jwts.partner(clientId));
	}

	protected HttpGraphQlTester asSupportAgent(String company) {
		return withToken(this.jwts.supportAgent("agent-" + company, company));
	}

	protected HttpGraphQlTester asAdministrator() {
		return withToken(this.jwts.administrator("admin-" + UUID.randomUUID()));
	}

	/** Registers a person through a partner service and returns the new account id. */
	protected String registerThrough(String clientId, String email, Map<String, Object> basicDetails) {
		return register(clientId,
				aRegistration().withEmail(email)
					.forServiceAccount(clientId + "-" + UUID.randomUUID())
					.withBasicDetails(basicDetails));
	}

	/**
	 * Registers a person whose address the hub has yet to verify (the service does not
	 * assert it) and returns the new account id.
	 */
	protected String registerUnverifiedThrough(String clientId, String email) {
		return register(clientId,
				aRegistration().withEmail(email).forServiceAccount(clientId + "-" + UUID.randomUUID()).unverified());
	}

	protected String registerUnverifiedThrough(String clientId) {
		return registerUnverifiedThrough(clientId, uniqueEmail());
	}

	/**
	 * Registers the person as given through the partner's client; returns the account id.
	 */
	protected String register(String clientId, RegistrationInput registration) {
		return asPartnerService(clientId).documentName("partner/registerAccount")
			.variable("input", registration.toInput())
			.execute()
			.path("registerAccount.errors")
			.entityList(Object.class)
			.hasSize(0)
			.path("registerAccount.account.id")
			.entity(String.class)
			.get();
	}

	protected String registerThrough(String clientId) {
		return registerThrough(clientId, uniqueEmail(),
				Map.of("givenName", "Ada", "familyName", "Lovelace", "country", "GB"));
	}

	protected static String uniqueEmail() {
		return "person-" + UUID.randomUUID() + "@example.com";
	}

	/**
	 * Links a service account as the person, with a token obtained through that service's
	 * client.
	 */
	protected void link(String accountId, ServiceAccount serviceAccount) {
		asAccountHolderThrough(accountId, serviceAccount.clientId()).documentName("account-pages/linkServiceAccount")
			.variable("input", serviceAccount.toInput())
			.execute()
			.path("linkServiceAccount.errors")
			.entityList(Object.class)
			.hasSize(0);
	}

	/**
	 * Follows the newest confirmation link mailed to the address and confirms it with the
	 * password on the sign-in server's page, as the person does; returns the page's
	 * answer.
	 */
	protected EntityExchangeResult<String> confirmFromMail(String address, String password) {
		List<jakarta.mail.internet.MimeMessage> mails = TestMailbox.mailsTo(address, 1, Duration.ofSeconds(10));
		assertThat(mails).as("a mail to the address").isNotEmpty();
		return confirmLink(TestMailbox.linkIn(mails.get(mails.size() - 1)), password);
	}

	/** Confirms with the password on the page a mailed confirmation link opens. */
	protected EntityExchangeResult<String> confirmLink(URI link, String password) {
		return submitLink(link, "/sign-in/confirm-email", password);
	}

	/**
	 * Opens the page of a mailed link (on this hub, whatever address the link names) and
	 * submits its form to {@code action} with the password, as the person does.
	 */
	protected EntityExchangeResult<String> submitLink(URI link, String action, String password) {
		return new SignInFlow.Browser().fillIn(http(), link.getRawPath() + "?" + link.getRawQuery(), action,
				Map.of("token", link.getRawQuery().substring("token=".length()), "password", password));
	}

	/** The status a browser gets opening a mailed link on this hub. */
	protected int statusOfLink(URI link) {
		return new SignInFlow.Browser()
			.open(http(), (uri) -> uri.path(link.getRawPath()).query(link.getRawQuery()).build())
			.getStatus()
			.value();
	}

	/** An RFC 8058 one-click unsubscribe, as a mail client posts it for a link. */
	protected WebTestClient.ResponseSpec oneClickUnsubscribe(String token) {
		return http().post()
			.uri("/unsubscribe/{token}", token)
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(BodyInserters.fromFormData("List-Unsubscribe", "One-Click"))
			.exchange();
	}

	/** The service's feed as its partner reads it (first page of 100). */
	protected GraphQlTester.Response feedOf(String serviceId) {
		return asPartnerService(serviceId).documentName("partner/serviceChanges")
			.variable("serviceId", serviceId)
			.variable("first", 100)
			.execute();
	}

	/** The events about one account in a service's feed (first page of 100), in order. */
	protected List<FeedEvent> feedEvents(String serviceId, String accountId) {
		return feedOf(serviceId).path("serviceChanges.edges[*].node")
			.entityList(FeedEvent.class)
			.get()
			.stream()
			.filter((event) -> event.isAbout(accountId))
			.toList();
	}

	/**
	 * The events about one account in a service's whole feed, in order, read page after
	 * page to its end (a feed that many tests fill outgrows its first page).
	 */
	protected List<FeedEvent> wholeFeedEvents(String serviceId, String accountId) {
		List<FeedEvent> events = new ArrayList<>();
		String after = null;
		boolean more = true;
		while (more) {
			GraphQlTester.Response page = asPartnerService(serviceId).documentName("partner/serviceChanges")
				.variable("serviceId", serviceId)
				.variable("first", 100)
				.variable("after", after)
				.execute();
			page.path("serviceChanges.edges[*].node")
				.entityList(FeedEvent.class)
				.get()
				.stream()
				.filter((event) -> event.isAbout(accountId))
				.forEach(events::add);
			more = page.path("serviceChanges.pageInfo.hasNextPage").entity(Boolean.class).get();
			after = page.path("serviceChanges.pageInfo.endCursor").entity(String.class).get();
		}
		return events;
	}

	/** The types of the events about one account in a service's feed, in feed order. */
	protected List<String> eventTypes(String serviceId, String accountId) {
		return feedEvents(serviceId, accountId).stream().map(FeedEvent::type).toList();
	}

	/** The person's links as they see them on {@code me}. */
	protected List<LinkedAccountView> linkedAccountsOf(String accountId) {
		return asAccountHolder(accountId).documentName("account-pages/me")
			.execute()
			.path("me.linkedAccounts")
			.entityList(LinkedAccountView.class)
			.get();
	}

	/**
	 * The person changes their given name on the account pages, based on that revision.
	 */
	protected void changeGivenName(String accountId, int expectedRevision, String givenName) {
		asAccountHolder(accountId).documentName("account-pages/updateMyBasicDetails")
			.variable("input", Map.of("expectedRevision", expectedRevision, "givenName", givenName))
			.execute()
			.path("updateBasicDetails.errors")
			.entityList(Object.class)
			.hasSize(0);
	}

	protected int revisionOf(String accountId) {
		return asAccountHolder(accountId).documentName("account-pages/me")
			.execute()
			.path("me.revision")
			.entity(Integer.class)
			.get();
	}

}
