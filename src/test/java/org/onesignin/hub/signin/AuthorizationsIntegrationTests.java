package org.onesignin.hub.signin;

import java.util.Map;

import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.Test;
import org.onesignin.hub.support.HubIntegrationTest;
import org.onesignin.hub.support.RawGraphQl;
import org.onesignin.hub.support.RegistrationInput;
import org.onesignin.hub.support.SignInFlow;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sign-in server's authorizations as clients live with them: a person signs in
 * through the account pages (a public client) and stays signed in with refresh tokens
 * that rotate, a replayed one ends the chain, and every code and token is kept in the
 * store by hash only, for any instance to redeem, introspect or revoke.
 */
class AuthorizationsIntegrationTests extends HubIntegrationTest {

	@Autowired
	private MongoTemplate mongo;

	@Autowired
	private OAuth2AuthorizationService authorizations;

	private String email;

	@Test
	void theAccountPagesGetARefreshTokenThatRotatesAndStillReachesTheApi() {
		String accountId = registerThrough("sony-music", signedUpEmail(), Map.of("givenName", "Ada"));
		Map<String, Object> signedIn = accountPagesSignIn(this.email);
		assertThat(signedIn).containsKeys("access_token", "refresh_token", "id_token");

		Map<String, Object> refreshed = tokensOf(
				SignInFlow.refresh(http(), "account-pages", null, (String) signedIn.get("refresh_token")));

		assertThat(refreshed.get("access_token")).isNotNull().isNotEqualTo(signedIn.get("access_token"));
		assertThat(refreshed.get("refresh_token")).isNotNull().isNotEqualTo(signedIn.get("refresh_token"));
		RawGraphQl.post(http(), (String) refreshed.get("access_token"), Map.of("query", "{ me { id } }"))
			.jsonPath("$.data.me.id")
			.isEqualTo(accountId);
	}

	@Test
	void aReplayedRefreshTokenIsRefusedAndEndsItsWholeChain() {
		registerThrough("sony-music", signedUpEmail(), Map.of());
		Map<String, Object> signedIn = accountPagesSignIn(this.email);
		String first = (String) signedIn.get("refresh_token");
		String second = (String) tokensOf(SignInFlow.refresh(http(), "account-pages", null, first))
			.get("refresh_token");

		expectInvalidGrant(SignInFlow.refresh(http(), "account-pages", null, first));

		expectInvalidGrant(SignInFlow.refresh(http(), "account-pages", null, second));
		assertThat(this.authorizations.findByToken(second, OAuth2TokenType.REFRESH_TOKEN)).isNull();
	}

	@Test
	void refusesARefreshWithoutAKnownPublicClientOrAConfidentialClientsSecret() {
		registerThrough("sony-music", signedUpEmail(), Map.of());
		String refreshToken = (String) accountPagesSignIn(this.email).get("refresh_token");

		SignInFlow.refresh(http(), "no-such-client", null, refreshToken).expectStatus().isUnauthorized();
		SignInFlow.refresh(http(), "sony-music", null, refreshToken).expectStatus().isUnauthorized();
		String partnerRefreshToken = (String) SignInFlow.through("sony-music")
			.withSecret("sony-music-secret")
			.scopes("openid")
			.signIn(this.email, RegistrationInput.PASSWORD)
			.obtainFrom(http())
			.get("refresh_token");
		SignInFlow.refresh(http(), "sony-music", null, partnerRefreshToken).expectStatus().isUnauthorized();

		tokensOf(SignInFlow.refresh(http(), "account-pages", null, refreshToken));
		tokensOf(SignInFlow.refresh(http(), "sony-music", "sony-music-secret", partnerRefreshToken));
	}

	@Test
	void keepsAuthorizationsInTheStoreByTokenHashesOnly() {
		registerThrough("sony-music", signedUpEmail(), Map.of());
		Map<String, Object> signedIn = accountPagesSignIn(this.email);
		String accessToken = (String) signedIn.get("access_token");
		String refreshToken = (String) signedIn.get("refresh_token");

		OAuth2Authorization byAccessToken = this.authorizations.findByToken(accessToken, null);
		OAuth2Authorization byRefreshToken = this.authorizations.findByToken(refreshToken,
				OAuth2TokenType.REFRESH_TOKEN);
		assertThat(byAccessToken).isNotNull();
		assertThat(byRefreshToken.getId()).isEqualTo(byAccessToken.getId());
		assertThat(byAccessToken.getAccessToken().getToken().getTokenValue()).isEqualTo(accessToken);

		Document stored = this.mongo.findOne(Query.query(Criteria.where("_id").is(byAccessToken.getId())),
				Document.class, "sign_in_authorizations");
		assertThat(stored).isNotNull().containsKeys("accessTokenHash", "refreshTokenHash", "expiresAt");
		stored.values().removeIf((value) -> value instanceof Binary || value instanceof byte[]);
		assertThat(stored.toJson()).doesNotContain(accessToken)
			.doesNotContain(refreshToken)
			.doesNotContain((String) signedIn.get("id_token"));
	}

	@Test
	void aRevokedRefreshTokenNoLongerRefreshesAndItsAccessTokenTurnsInactive() {
		registerThrough("sony-music", signedUpEmail(), Map.of());
		Map<String, Object> signedIn = SignInFlow.through("sony-music")
			.withSecret("sony-music-secret")
			.scopes("openid", "email")
			.signIn(this.email, RegistrationInput.PASSWORD)
			.obtainFrom(http());
		String accessToken = (String) signedIn.get("access_token");
		String refreshToken = (String) signedIn.get("refresh_token");
		introspect(accessToken).jsonPath("$.active").isEqualTo(true);

		asSonyMusic("/oauth2/revoke",
				BodyInserters.fromFormData("token", refreshToken).with("token_type_hint", "refresh_token"))
			.expectStatus()
			.isOk();

		expectInvalidGrant(SignInFlow.refresh(http(), "sony-music", "sony-music-secret", refreshToken));
		introspect(accessToken).jsonPath("$.active").isEqualTo(false);
	}

	private String signedUpEmail() {
		this.email = uniqueEmail();
		return this.email;
	}

	private Map<String, Object> accountPagesSignIn(String email) {
		return SignInFlow.through("account-pages")
			.scopes("openid", "email")
			.signIn(email, RegistrationInput.PASSWORD)
			.obtainFrom(http());
	}

	private WebTestClient.BodyContentSpec introspect(String token) {
		return asSonyMusic("/oauth2/introspect", BodyInserters.fromFormData("token", token)).expectStatus()
			.isOk()
			.expectBody();
	}

	private WebTestClient.ResponseSpec asSonyMusic(String uri, BodyInserters.FormInserter<String> form) {
		return http().post()
			.uri(uri)
			.headers((headers) -> headers.setBasicAuth("sony-music", "sony-music-secret"))
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(form)
			.exchange();
	}

	private static Map<String, Object> tokensOf(WebTestClient.ResponseSpec response) {
		return response.expectStatus().isOk().expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
		}).returnResult().getResponseBody();
	}

	private static void expectInvalidGrant(WebTestClient.ResponseSpec response) {
		response.expectStatus().isBadRequest().expectBody().jsonPath("$.error").isEqualTo("invalid_grant");
	}

}
