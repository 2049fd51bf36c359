package org.onesignin.hub.caller;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.onesignin.hub.support.HubIntegrationTest;
import org.onesignin.hub.support.TestJwts;

import org.springframework.graphql.execution.ErrorType;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A company's workforce identity provider as a trusted issuer (Keycloak-shaped tokens,
 * its JWKS served over HTTP): its support agents are accepted as agents of their company,
 * and nothing else it signs becomes a person or a partner of the hub.
 */
class TrustedIssuersIntegrationTests extends HubIntegrationTest {

	private static final String STAFF_ISSUER = "https://staff-idp.example/realms/staff";

	private static final String ADMIN_ISSUER = "https://staff-idp.example/realms/group-admins";

	private static final RSAKey STAFF_KEY = rsaKey();

	private static final HttpServer STAFF_JWKS = serve(new JWKSet(STAFF_KEY.toPublicJWK()).toString());

	private final JwtEncoder staff = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(STAFF_KEY)));

	private final JwtEncoder impostor = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(rsaKey())));

	@DynamicPropertySource
	static void staffIssuer(DynamicPropertyRegistry registry) {
		registry.add("hub.security.trusted-issuers[0].issuer", () -> STAFF_ISSUER);
		registry.add("hub.security.trusted-issuers[0].jwk-set-uri",
				() -> "http://127.0.0.1:" + STAFF_JWKS.getAddress().getPort() + "/certs");
		registry.add("hub.security.trusted-issuers[0].claims.roles", () -> "realm_access.roles");
		registry.add("hub.security.trusted-issuers[0].companies", () -> "sony-interactive,sony-music");
		// the group's own workforce provider, trusted for registry administrators only
		registry.add("hub.security.trusted-issuers[1].issuer", () -> ADMIN_ISSUER);
		registry.add("hub.security.trusted-issuers[1].jwk-set-uri",
				() -> "http://127.0.0.1:" + STAFF_JWKS.getAddress().getPort() + "/certs");
		registry.add("hub.security.trusted-issuers[1].claims.roles", () -> "realm_access.roles");
		registry.add("hub.security.trusted-issuers[1].callers", () -> "ADMINISTRATOR");
	}

	@AfterAll
	static void stopJwks() {
		STAFF_JWKS.stop(0);
	}

	@Test
	void acceptsAStaffAgentAsSupportOfItsCompany() {
		String id = registerThrough("playstation-network");

		withToken(staffAgent("agent-7", "sony-interactive")).documentName("support/customerAccount")
			.variable("id", id)
			.variable("ticket", "T-7")
			.execute()
			.path("account.id")
			.entity(String.class)
			.isEqualTo(id);
	}

	@Test
	void showsAStaffAgentNoCustomerOfAnotherCompany() {
		String id = registerThrough("sony-music");

		withToken(staffAgent("agent-7", "sony-interactive")).documentName("support/customerAccount")
			.variable("id", id)
			.variable("ticket", "T-8")
			.execute()
			.errors()
			.expect((error) -> error.getErrorType() == ErrorType.NOT_FOUND)
			.verify()
			.path("account")
			.valueIsNull();
	}

	@Test
	void refusesAnAgentOfACompanyTheIssuerDoesNotSignIn() {
		String id = registerThrough("my-sony");

		http().post()
			.uri("/graphql")
			.headers((headers) -> headers.setBearerAuth(staffAgent("agent-9", "sony-europe")))
			.contentType(org.springframework.http.MediaType.APPLICATION_JSON)
			.bodyValue(java.util.Map.of("query", "{ account(id: \"" + id + "\", ticket: \"T-9\") { id } }"))
			.exchange()
			.expectStatus()
			.isUnauthorized();
	}

	@Test
	void treatsAStaffAgentNamedLikeAnAccountAsAnAgentNotThatPerson() {
		String id = registerThrough("playstation-network");

		withToken(staffAgent(id, "sony-interactive")).documentName("account-pages/me")
			.execute()
			.path("me")
			.valueIsNull();
	}

	@Test
	void refusesAStaffTokenNamingAPersonWithoutTheSupportRole() {
		String id = registerThrough("playstation-network");

		postMe(TestJwts.sign(this.staff, staffClaims(id).claim("azp", "account-pages"))).expectStatus()
			.isUnauthorized()
			.expectHeader()
			.valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
	}

	@Test
	void refusesAStaffTokenShapedLikeAPartner() {
		String token = TestJwts.sign(this.staff, staffClaims("playstation-network").claim("azp", "playstation-network")
			.claim("client_id", "playstation-network"));

		postMe(token).expectStatus().isUnauthorized();
	}

	@Test
	void acceptsAnAdministratorFromTheIssuerTrustedForAdministrators() {
		String token = TestJwts.sign(this.staff,
				staffClaims("admin-1").issuer(ADMIN_ISSUER)
					.claim("azp", "registry-tool")
					.claim("realm_access", Map.of("roles", List.of("administrator"))));

		withToken(token).documentName("administration/updateCompany")
			.variable("input",
					Map.of("companyId", "sony-music", "privacyContact", Map.of("email", "dpo@sony-music.example")))
			.execute()
			.path("updateCompany.errors")
			.entityList(Object.class)
			.hasSize(0);

		// the change is the issuer's administrator's, in the registry's log
		withToken(token).documentName("administration/registryChanges")
			.variable("first", 100)
			.execute()
			.path("registryChanges.edges[*].node.actorId")
			.entityList(String.class)
			.contains("admin-1");
	}

	@Test
	void makesNoAdministratorOfAnIssuerTrustedForSupportAgentsOnly() {
		// its agents may carry an "administrator" role of their own: it means nothing
		String token = TestJwts.sign(this.staff,
				staffClaims("admin-2").claim("azp", "support-console")
					.claim("realm_access", Map.of("roles", List.of("support", "administrator")))
					.claim("company", "sony-interactive"));

		withToken(token).documentName("administration/registryChanges")
			.variable("first", 10)
			.execute()
			.errors()
			.expect((error) -> error.getErrorType() == ErrorType.FORBIDDEN)
			.verify();
		String id = registerThrough("playstation-network");
		withToken(token).documentName("support/customerAccount")
			.variable("id", id)
			.variable("ticket", "T-10")
			.execute()
			.path("account.id")
			.entity(String.class)
			.isEqualTo(id);
	}

	@Test
	void refusesATokenOfAnUntrustedIssuerSignedWithTheStaffKey() {
		String token = TestJwts.sign(this.staff,
				staffAgentClaims("agent-7", "sony-interactive").issuer("https://staff-idp.example/realms/other"));

		postMe(token).expectStatus()
			.isUnauthorized()
			.expectHeader()
			.valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"")
			.expectBody(String.class)
			.value((body) -> assertThat(body).doesNotContainIgnoringCase("issuer").doesNotContain("Exception"));
	}

	@Test
	void refusesAStaffIssuersTokenSignedWithAnotherKey() {
		String token = TestJwts.sign(this.impostor, staffAgentClaims("agent-7", "sony-interactive"));

		postMe(token).expectStatus().isUnauthorized();
	}

	@Test
	void stillAcceptsTheHubsOwnTokens() {
		String id = registerThrough("playstation-network");

		asAccountHolder(id).documentName("account-pages/me").execute().path("me.id").entity(String.class).isEqualTo(id);
		asSupportAgent("sony-interactive").documentName("support/customerAccount")
			.variable("id", id)
			.variable("ticket", "T-9")
			.execute()
			.path("account.id")
			.entity(String.class)
			.isEqualTo(id);
	}

	private String staffAgent(String subject, String company) {
		return TestJwts.sign(this.staff, staffAgentClaims(subject, company));
	}

	/**
	 * An agent's token as Keycloak shapes it: realm roles, a company attribute mapper.
	 */
	private static JwtClaimsSet.Builder staffAgentClaims(String subject, String company) {
		return staffClaims(subject).claim("azp", "support-console")
			.claim("realm_access", Map.of("roles", List.of("offline_access", "support")))
			.claim("company", company);
	}

	private static JwtClaimsSet.Builder staffClaims(String subject) {
		Instant now = Instant.now();
		return JwtClaimsSet.builder()
			.issuer(STAFF_ISSUER)
			.audience(List.of("one-sign-in-hub"))
			.subject(subject)
			.id(UUID.randomUUID().toString())
			.issuedAt(now)
			.expiresAt(now.plus(Duration.ofMinutes(10)));
	}

	private WebTestClient.ResponseSpec postMe(String token) {
		return http().post()
			.uri("/graphql")
			.headers((headers) -> headers.setBearerAuth(token))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"query\":\"query me { me { id } }\",\"operationName\":\"me\"}")
			.exchange();
	}

	private static RSAKey rsaKey() {
		try {
			return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The staff provider's JWKS endpoint, as the hub fetches it. */
	private static HttpServer serve(String jwks) {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
			server.createContext("/certs", (exchange) -> {
				byte[] body = jwks.getBytes(StandardCharsets.UTF_8);
				exchange.getResponseHeaders().set("Content-Type", "application/json");
				exchange.sendResponseHeaders(200, body.length);
				try (OutputStream out = exchange.getResponseBody()) {
					out.write(body);
				}
			});
			server.start();
			return server;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
