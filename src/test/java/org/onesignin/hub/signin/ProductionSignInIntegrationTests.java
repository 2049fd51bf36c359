package org.onesignin.hub.signin;

import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.onesignin.hub.support.HubIntegrationTest;
import org.onesignin.hub.support.LocalTokens;
import org.onesignin.hub.support.RegistrationInput;
import org.onesignin.hub.support.SignInFlow;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.reactive.function.BodyInserters;

/**
 * One Sign In in the production profile, as a service integrates it: the whole
 * authorization code + PKCE journey over HTTP (authorize, the sign-in page with its CSRF
 * token, the credentials, the code, the token) and a person's token that the API accepts;
 * a confidential client's secret only from configuration; no demo data.
 */
@ActiveProfiles("production")
class ProductionSignInIntegrationTests extends HubIntegrationTest {

	private static final String PSN_SECRET = "a production secret of playstation-network";

	@DynamicPropertySource
	static void production(DynamicPropertyRegistry registry) {
		registry.add("hub.security.issuer", () -> "http://localhost:8080");
		registry.add("hub.unsubscribe.secret", () -> Base64.getEncoder().encodeToString(new byte[32]));
		registry.add("hub.sign-in.client-secrets.playstation-network",
				() -> "{bcrypt}" + new BCryptPasswordEncoder().encode(PSN_SECRET));
	}

	@Test
	void signsAPersonInThroughTheAccountPagesWithCodeAndPkce() {
		String partner = LocalTokens.client("playstation-network").withSecret(PSN_SECRET).obtainFrom(http());
		String email = uniqueEmail();
		String id = withToken(partner).documentName("partner/registerAccount")
			.variable("input", RegistrationInput.aRegistration().withEmail(email).forServiceAccount("psn-p").toInput())
			.execute()
			.path("registerAccount.account.id")
			.entity(String.class)
			.get();

		Map<String, Object> tokens = SignInFlow.through("account-pages")
			.scopes("openid", "email")
			.signIn(email, RegistrationInput.PASSWORD)
			.obtainFrom(http());

		withToken((String) tokens.get("access_token")).documentName("account-pages/me")
			.execute()
			.path("me.id")
			.entity(String.class)
			.isEqualTo(id)
			.path("me.signInEmail")
			.entity(String.class)
			.isEqualTo(email);
	}

	@Test
	void refusesAConfidentialClientWithoutAConfiguredSecretAndTheDemoSecrets() {
		for (String[] client : new String[][] { { "sony-music", "sony-music-secret" },
				{ "playstation-network", "playstation-network-secret" } }) {
			http().post()
				.uri("/oauth2/token")
				.headers((headers) -> headers.setBasicAuth(client[0], client[1]))
				.body(BodyInserters.fromFormData("grant_type", "client_credentials"))
				.exchange()
				.expectStatus()
				.isUnauthorized();
		}
	}

	@Test
	void hasNoLocalTokenEndpoint() {
		String email = uniqueEmail();
		registerThrough("playstation-network", email, Map.of("givenName", "Ada"));

		http().post()
			.uri("/local/token")
			.body(BodyInserters.fromFormData("client_id", "account-pages")
				.with("username", email)
				.with("password", RegistrationInput.PASSWORD))
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.access_token")
			.doesNotExist();
	}

}
