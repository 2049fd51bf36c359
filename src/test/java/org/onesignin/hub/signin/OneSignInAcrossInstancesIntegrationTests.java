package org.onesignin.hub.signin;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onesignin.hub.HubApplication;
import org.onesignin.hub.support.HubIntegrationTest;
import org.onesignin.hub.support.RawGraphQl;
import org.onesignin.hub.support.RegistrationInput;
import org.onesignin.hub.support.SignInFlow;
import org.onesignin.hub.support.TestMailbox;
import org.onesignin.hub.support.TestStores;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onesignin.hub.support.CancellationInput.aCancellationOf;

/**
 * One Sign In with two hub instances on one store: a browser signs in on A and the code
 * is redeemed on B; the tokens work on both; B refreshes them; the browser's session from
 * A gets a second service a code on B without the sign-in page; signing out on B ends it
 * on A; closing the identity ends it everywhere.
 */
class OneSignInAcrossInstancesIntegrationTests extends HubIntegrationTest {

	private static ConfigurableApplicationContext second;

	@Autowired
	private MongoConnectionDetails store;

	private WebTestClient a;

	private WebTestClient b;

	@BeforeEach
	void startTheSecondInstance() {
		if (second == null) {
			Path scratch = TestStores.scratchDirectory();
			second = new SpringApplicationBuilder(HubApplication.class).run("--server.port=0",
					"--server.address=127.0.0.1", "--spring.mongodb.uri=" + this.store.getConnectionString(),
					"--hub.unsubscribe.secret-file=" + scratch.resolve("unsubscribe-secret"),
					"--hub.relay.interval=100ms", "--logging.level.root=warn", "--spring.mail.host=127.0.0.1",
					"--spring.mail.port=" + TestMailbox.port());
		}
		this.a = http();
		int port = ((WebServerApplicationContext) second).getWebServer().getPort();
		this.b = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build();
	}

	@AfterAll
	static void stopTheSecondInstance() {
		if (second != null) {
			second.close();
			second = null;
		}
	}

	@Test
	void redeemsOnOneInstanceACodeIssuedByTheOtherAndRefreshesThere() {
		String email = uniqueEmail();
		String id = registerThrough("playstation-network", email, Map.of("givenName", "Ada"));

		Map<String, Object> tokens = SignInFlow.through("account-pages")
			.scopes("openid", "email")
			.signIn(email, RegistrationInput.PASSWORD)
			.obtainFrom(this.a, this.b);

		for (WebTestClient instance : new WebTestClient[] { this.a, this.b }) {
			meOf(instance, (String) tokens.get("access_token")).isEqualTo(id);
		}
		Map<String, Object> refreshed = SignInFlow
			.refresh(this.b, "account-pages", null, (String) tokens.get("refresh_token"))
			.expectStatus()
			.isOk()
			.expectBody(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {
			})
			.returnResult()
			.getResponseBody();
		meOf(this.a, (String) refreshed.get("access_token")).isEqualTo(id);
	}

	@Test
	void givesASecondServiceACodeWithoutTheSignInPageAndSignsOutEverywhere() {
		String email = uniqueEmail();
		String id = registerThrough("playstation-network", email, Map.of("givenName", "Ada"));
		SignInFlow.Browser browser = new SignInFlow.Browser();
		Map<String, Object> playStation = SignInFlow.through("playstation-network")
			.withSecret("playstation-network-secret")
			.in(browser)
			.signIn(email, RegistrationInput.PASSWORD)
			.obtainFrom(this.a);

		Map<String, Object> music = SignInFlow.through("sony-music")
			.withSecret("sony-music-secret")
			.in(browser)
			.obtainFrom(this.b);

		meOf(this.b, (String) music.get("access_token")).isEqualTo(id);
		assertThat(SignInFlow.through("my-sony").in(browser).asksToSignIn(this.a)).isFalse();

		URI signedOut = browser.signOut(this.b, (String) playStation.get("id_token"), "http://127.0.0.1/signed-out");

		assertThat(signedOut.toString()).startsWith("http://127.0.0.1/signed-out");
		assertThat(SignInFlow.through("sony-music").in(browser).asksToSignIn(this.a)).isTrue();
		assertThat(SignInFlow.through("sony-music").in(browser).asksToSignIn(this.b)).isTrue();
		// the tokens obtained in that sign-in session end with it, for every service
		SignInFlow
			.refresh(this.a, "playstation-network", "playstation-network-secret",
					(String) playStation.get("refresh_token"))
			.expectStatus()
			.isBadRequest();
		SignInFlow.refresh(this.b, "sony-music", "sony-music-secret", (String) music.get("refresh_token"))
			.expectStatus()
			.isBadRequest();
	}

	@Test
	void endsTheSignInSessionAndTheTokensOfAClosedIdentity() {
		String email = uniqueEmail();
		String id = registerThrough("my-sony", email, Map.of("givenName", "Ada"));
		SignInFlow.Browser browser = new SignInFlow.Browser();
		Map<String, Object> tokens = SignInFlow.through("account-pages")
			.in(browser)
			.signIn(email, RegistrationInput.PASSWORD)
			.obtainFrom(this.a);
		introspect(this.b, (String) tokens.get("access_token")).isEqualTo(true);
		asAccountHolder(id).documentName("account-pages/cancelMyServiceAccount")
			.variable("input", aCancellationOf("my-sony").toInput())
			.execute()
			.path("cancelServiceAccount.errors")
			.entityList(Object.class)
			.hasSize(0);

		asAccountHolder(id).documentName("account-pages/closeMyAccount")
			.variable("input", Map.of())
			.execute()
			.path("closeAccount.errors")
			.entityList(Object.class)
			.hasSize(0);

		assertThat(SignInFlow.through("account-pages").in(browser).asksToSignIn(this.b)).isTrue();
		introspect(this.a, (String) tokens.get("access_token")).isEqualTo(false);
		SignInFlow.refresh(this.b, "account-pages", null, (String) tokens.get("refresh_token"))
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.error")
			.isEqualTo("invalid_grant");
	}

	/** Token introspection as a partner's back end asks it. */
	private static org.springframework.test.web.reactive.server.JsonPathAssertions introspect(WebTestClient instance,
			String token) {
		return instance.post()
			.uri("/oauth2/introspect")
			.headers((headers) -> headers.setBasicAuth("sony-music", "sony-music-secret"))
			.body(org.springframework.web.reactive.function.BodyInserters.fromFormData("token", token))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.active");
	}

	private static org.springframework.test.web.reactive.server.JsonPathAssertions meOf(WebTestClient instance,
			String token) {
		return RawGraphQl.post(instance, token, Map.of("query", "{ me { id } }")).jsonPath("$.data.me.id");
	}

}
