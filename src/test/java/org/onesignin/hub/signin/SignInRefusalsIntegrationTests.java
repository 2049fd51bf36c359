package org.onesignin.hub.signin;

import java.net.URI;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import com.nimbusds.jose.jwk.AsymmetricJWK;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.onesignin.hub.support.HubIntegrationTest;
import org.onesignin.hub.support.RegistrationInput;
import org.onesignin.hub.support.SignInFlow;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.util.UriComponentsBuilder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The refusals a service integrating One Sign In can count on, over real HTTP: the hub
 * never sends a browser to an address the client did not register, requires PKCE of every
 * client, redeems a code once, for its own client, verifier and redirect URI only,
 * answers userinfo for a person's token only, and publishes what it signs with.
 */
class SignInRefusalsIntegrationTests extends HubIntegrationTest {

	private static final String CALLBACK = "http://127.0.0.1:8765/callback";

	private static final String ISSUER = "http://localhost:8080";

	@Test
	void answersAnUnregisteredRedirectUriItselfAndSendsNoBrowserThere() {
		SignInFlow.Browser browser = signedInBrowser();

		for (String unregistered : List.of("https://evil.example/callback", "http://localhost:9999/callback",
				"http://127.0.0.1:8765/elsewhere")) {
			for (SignInFlow.Browser anyBrowser : List.of(browser, new SignInFlow.Browser())) {
				EntityExchangeResult<String> answer = anyBrowser.open(http(),
						(uri) -> uri.path("/oauth2/authorize")
							.queryParam("response_type", "code")
							.queryParam("client_id", "account-pages")
							.queryParam("redirect_uri", unregistered)
							.queryParam("scope", "openid")
							.queryParam("state", "s")
							.queryParam("code_challenge", "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM")
							.queryParam("code_challenge_method", "S256")
							.build());

				assertThat(answer.getStatus().value()).as(unregistered).isEqualTo(400);
				assertThat(answer.getResponseHeaders().getLocation()).as(unregistered).isNull();
				assertThat(String.valueOf(answer.getResponseBody())).doesNotContain(unregistered);
			}
		}
	}

	@Test
	void sendsAConfidentialClientsAuthorizeRequestWithoutACodeChallengeBackWithInvalidRequest() {
		SignInFlow.Browser browser = signedInBrowser();

		for (SignInFlow.Browser anyBrowser : List.of(browser, new SignInFlow.Browser())) {
			EntityExchangeResult<String> answer = anyBrowser.open(http(),
					(uri) -> uri.path("/oauth2/authorize")
						.queryParam("response_type", "code")
						.queryParam("client_id", "playstation-network")
						.queryParam("redirect_uri", CALLBACK)
						.queryParam("scope", "openid")
						.queryParam("state", "s-1")
						.build());

			assertThat(answer.getStatus().is3xxRedirection()).isTrue();
			URI location = answer.getResponseHeaders().getLocation();
			assertThat(location).isNotNull();
			assertThat(location.toString()).startsWith(CALLBACK + "?");
			Map<String, String> parameters = queryOf(location);
			assertThat(parameters).containsEntry("error", "invalid_request")
				.containsEntry("state", "s-1")
				.doesNotContainKey("code");
		}
	}

	@Test
	void refusesACodeWithAWrongVerifierWithoutOneOrForAnotherClient() {
		SignInFlow.Browser browser = signedInBrowser();
		SignInFlow playStation = SignInFlow.through("playstation-network")
			.withSecret("playstation-network-secret")
			.in(browser);

		SignInFlow.Code code = playStation.codeFrom(http());
		expectInvalidGrant(playStation.redeem(http(), new SignInFlow.Code(code.code(),
				"a-wrong-verifier-of-enough-length-0123456789abcdef", code.redirectUri())));

		code = playStation.codeFrom(http());
		expectInvalidGrant(playStation.redeem(http(), new SignInFlow.Code(code.code(), null, code.redirectUri())));

		code = playStation.codeFrom(http());
		expectInvalidGrant(SignInFlow.through("sony-music").withSecret("sony-music-secret").redeem(http(), code));
		expectInvalidGrant(playStation.redeem(http(), code));

		code = SignInFlow.through("account-pages").in(browser).codeFrom(http());
		EntityExchangeResult<String> publicWithout = SignInFlow.through("account-pages")
			.redeem(http(), new SignInFlow.Code(code.code(), null, code.redirectUri()))
			.expectBody(String.class)
			.returnResult();
		assertThat(publicWithout.getStatus().value()).isEqualTo(401);
		assertThat(publicWithout.getResponseHeaders().getLocation()).isNull();
		assertThat(String.valueOf(publicWithout.getResponseBody())).doesNotContain("access_token");
	}

	@Test
	void givesStaffATokenThroughTheStaffToolingButNotThroughAServicesBackEnd() {
		SignInFlow.Browser browser = new SignInFlow.Browser();
		Map<String, Object> tooling = SignInFlow.through("support-console")
			.in(browser)
			.signIn("admin@onesignin.example", "admin-password-1")
			.obtainFrom(http());
		assertThat(tooling).containsKey("access_token");

		// the same sign-in session, sent through a service's own authorize request
		SignInFlow myPages = SignInFlow.through("my-sony").withSecret("my-sony-secret").in(browser);
		SignInFlow.Code code = myPages.codeFrom(http());

		myPages.redeem(http(), code)
			.expectBody()
			.jsonPath("$.error")
			.isEqualTo("access_denied")
			.jsonPath("$.access_token")
			.doesNotExist();
	}

	@Test
	void answersABackEndWithoutCredentials401NotTheSignInPage() {
		for (MediaType accept : List.of(MediaType.ALL, MediaType.APPLICATION_JSON)) {
			http().post()
				.uri("/oauth2/token")
				.accept(accept)
				.contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.body(BodyInserters.fromFormData("grant_type", "client_credentials"))
				.exchange()
				.expectStatus()
				.isUnauthorized()
				.expectHeader()
				.doesNotExist("Location");
		}
	}

	@Test
	void redeemsACodeOnceOnlyAndEndsTheTokensOfTheFirstRedemptionOnAReplay() {
		SignInFlow.Browser browser = signedInBrowser();
		SignInFlow sonyMusic = SignInFlow.through("sony-music").withSecret("sony-music-secret").in(browser);
		SignInFlow.Code code = sonyMusic.codeFrom(http());
		Map<String, Object> tokens = tokensOf(sonyMusic.redeem(http(), code));
		assertThat(tokens).containsKeys("access_token", "id_token");

		expectInvalidGrant(sonyMusic.redeem(http(), code));
		http().post()
			.uri("/oauth2/introspect")
			.headers((headers) -> headers.setBasicAuth("sony-music", "sony-music-secret"))
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(BodyInserters.fromFormData("token", (String) tokens.get("access_token")))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.active")
			.isEqualTo(false);
	}

	@Test
	void refusesACodeRedeemedWithAnotherRedirectUriThanItsAuthorizeRequests() {
		SignInFlow.Browser browser = signedInBrowser();
		SignInFlow sonyMusic = SignInFlow.through("sony-music").withSecret("sony-music-secret").in(browser);

		for (String other : List.of("http://127.0.0.1:8766/callback", "http://127.0.0.1/callback")) {
			SignInFlow.Code code = sonyMusic.codeFrom(http());
			expectInvalidGrant(sonyMusic.redeem(http(), new SignInFlow.Code(code.code(), code.verifier(), other)));
		}
	}

	@Test
	void signsOutToARegisteredAddressOnlyAndKeepsTheSessionOtherwise() {
		String email = uniqueEmail();
		registerThrough("playstation-network", email, Map.of("givenName", "Ada"));
		SignInFlow.Browser browser = new SignInFlow.Browser();
		String idToken = (String) SignInFlow.through("playstation-network")
			.withSecret("playstation-network-secret")
			.in(browser)
			.signIn(email, RegistrationInput.PASSWORD)
			.obtainFrom(http())
			.get("id_token");

		for (String unregistered : List.of("https://evil.example/signed-out", "http://localhost:9999/signed-out")) {
			EntityExchangeResult<String> answer = browser.open(http(),
					(uri) -> uri.path("/connect/logout")
						.queryParam("id_token_hint", idToken)
						.queryParam("post_logout_redirect_uri", unregistered)
						.build());

			assertThat(answer.getStatus().value()).as(unregistered).isEqualTo(400);
			assertThat(answer.getResponseHeaders().getLocation()).as(unregistered).isNull();
			assertThat(SignInFlow.through("sony-music").in(browser).asksToSignIn(http())).isFalse();
		}

		URI signedOut = browser.signOut(http(), idToken, "http://127.0.0.1/signed-out");

		assertThat(signedOut.toString()).startsWith("http://127.0.0.1/signed-out");
		assertThat(SignInFlow.through("sony-music").in(browser).asksToSignIn(http())).isTrue();
	}

	@Test
	void answersUserinfoForAPersonsTokenOnly() {
		String email = uniqueEmail();
		String accountId = registerThrough("playstation-network", email, Map.of("givenName", "Ada"));
		String accessToken = (String) SignInFlow.through("account-pages")
			.scopes("openid", "email")
			.signIn(email, RegistrationInput.PASSWORD)
			.obtainFrom(http())
			.get("access_token");

		userinfo(accessToken).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.sub")
			.isEqualTo(accountId)
			.jsonPath("$.email")
			.isEqualTo(email)
			.jsonPath("$.email_verified")
			.isEqualTo(true);

		userinfo(null).expectStatus().isUnauthorized();
		String partnerToken = (String) tokensOf(http().post()
			.uri("/oauth2/token")
			.headers((headers) -> headers.setBasicAuth("playstation-network", "playstation-network-secret"))
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(BodyInserters.fromFormData("grant_type", "client_credentials"))
			.exchange()).get("access_token");
		userinfo(partnerToken).expectStatus().isForbidden();
		userinfo(this.jwts.partner("playstation-network")).expectStatus().isUnauthorized();
	}

	@Test
	void refusesABadTokenAtUserinfoWithoutSayingWhy() {
		for (String token : List.of("abc.def.ghi", this.jwts.signedWithForeignKey("someone"),
				this.jwts.user("someone", "account-pages").replace("a", "b"))) {
			userinfo(token).expectStatus()
				.isUnauthorized()
				.expectHeader()
				.valueEquals("WWW-Authenticate", "Bearer error=\"invalid_token\"");
		}
	}

	@Test
	void refusesASignInWithAMangledCsrfTokenAs403() {
		// the two masked halves XOR to bytes that are no UTF-8 at all
		byte[] halves = new byte[72];
		java.util.Arrays.fill(halves, 36, 72, (byte) 0xff);
		String mangled = java.util.Base64.getUrlEncoder().encodeToString(halves);

		http().post()
			.uri("/login")
			.accept(MediaType.TEXT_HTML)
			.body(BodyInserters.fromFormData("username", "a@example.com").with("password", "x").with("_csrf", mangled))
			.exchange()
			.expectStatus()
			.isForbidden();
		http().get()
			.uri("/login")
			.accept(MediaType.TEXT_HTML)
			.exchange()
			.expectHeader()
			.valueEquals("Referrer-Policy", "no-referrer");
	}

	@Test
	void issuesAnIdTokenForTheClientSignedByAPublishedKey() throws Exception {
		String email = uniqueEmail();
		String accountId = registerThrough("playstation-network", email, Map.of("givenName", "Ada"));
		String idToken = (String) SignInFlow.through("sony-music")
			.withSecret("sony-music-secret")
			.scopes("openid", "email")
			.signIn(email, RegistrationInput.PASSWORD)
			.obtainFrom(http())
			.get("id_token");

		SignedJWT jwt = SignedJWT.parse(idToken);
		JWKSet published = JWKSet.parse(http().get()
			.uri("/oauth2/jwks")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody());
		JWK key = published.getKeyByKeyId(jwt.getHeader().getKeyID());
		assertThat(key).as("the ID token's key %s at /oauth2/jwks", jwt.getHeader().getKeyID()).isNotNull();
		assertThat(jwt.verify(new DefaultJWSVerifierFactory().createJWSVerifier(jwt.getHeader(),
				((AsymmetricJWK) key).toPublicKey())))
			.isTrue();
		JWTClaimsSet claims = jwt.getJWTClaimsSet();
		assertThat(claims.getIssuer()).isEqualTo(ISSUER);
		assertThat(claims.getAudience()).containsExactly("sony-music");
		assertThat(claims.getSubject()).isEqualTo(accountId);
		assertThat(claims.getStringClaim("email")).isEqualTo(email);
		// only an identity with a verified sign-in email signs in
		assertThat(claims.getBooleanClaim("email_verified")).isTrue();
		assertThat(claims.getStringClaim("sid")).isNotBlank();
	}

	@Test
	void namesItsEndpointsAndS256InTheDiscoveryDocument() {
		http().get()
			.uri("/.well-known/openid-configuration")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.issuer")
			.isEqualTo(ISSUER)
			.jsonPath("$.authorization_endpoint")
			.isEqualTo(ISSUER + "/oauth2/authorize")
			.jsonPath("$.token_endpoint")
			.isEqualTo(ISSUER + "/oauth2/token")
			.jsonPath("$.jwks_uri")
			.isEqualTo(ISSUER + "/oauth2/jwks")
			.jsonPath("$.userinfo_endpoint")
			.isEqualTo(ISSUER + "/userinfo")
			.jsonPath("$.revocation_endpoint")
			.isEqualTo(ISSUER + "/oauth2/revoke")
			.jsonPath("$.introspection_endpoint")
			.isEqualTo(ISSUER + "/oauth2/introspect")
			.jsonPath("$.end_session_endpoint")
			.isEqualTo(ISSUER + "/connect/logout")
			.jsonPath("$.code_challenge_methods_supported[?(@ == 'S256')]")
			.exists();
	}

	/** A browser signed in through the account pages (a person's own session). */
	private SignInFlow.Browser signedInBrowser() {
		String email = uniqueEmail();
		registerThrough("playstation-network", email, Map.of("givenName", "Ada"));
		SignInFlow.Browser browser = new SignInFlow.Browser();
		SignInFlow.through("account-pages").in(browser).signIn(email, RegistrationInput.PASSWORD).obtainFrom(http());
		return browser;
	}

	private WebTestClient.ResponseSpec userinfo(String token) {
		return http().get().uri("/userinfo").headers((headers) -> {
			if (token != null) {
				headers.setBearerAuth(token);
			}
		}).accept(MediaType.APPLICATION_JSON).exchange();
	}

	private static Map<String, String> queryOf(URI location) {
		return UriComponentsBuilder.fromUri(location).build().getQueryParams().toSingleValueMap();
	}

	private static Map<String, Object> tokensOf(WebTestClient.ResponseSpec response) {
		return response.expectStatus().isOk().expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
		}).returnResult().getResponseBody();
	}

	private static void expectInvalidGrant(WebTestClient.ResponseSpec response) {
		response.expectStatus().isBadRequest().expectBody().jsonPath("$.error").isEqualTo("invalid_grant");
	}

}
