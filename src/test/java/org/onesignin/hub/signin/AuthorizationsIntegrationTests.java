package org.onesignin.hub.signin;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.bson.BsonBinaryWriter;
import org.bson.Document;
import org.bson.codecs.DocumentCodec;
import org.bson.codecs.EncoderContext;
import org.bson.io.BasicOutputBuffer;
import org.junit.jupiter.api.Test;
import org.onesignin.hub.shared.Sha256;
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
import org.springframework.test.web.reactive.server.EntityExchangeResult;
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
	void theAccountPagesRevokeTheirOwnRefreshTokenByClientIdOnly() {
		registerThrough("sony-music", signedUpEmail(), Map.of());
		String refreshToken = (String) accountPagesSignIn(this.email).get("refresh_token");

		revoke("support-console", refreshToken).expectStatus().isBadRequest();
		String current = (String) tokensOf(SignInFlow.refresh(http(), "account-pages", null, refreshToken))
			.get("refresh_token");
		revoke("sony-music", current).expectStatus().isUnauthorized();
		revoke("account-pages", current).expectStatus().isOk();

		expectInvalidGrant(SignInFlow.refresh(http(), "account-pages", null, current));
	}

	@Test
	void keepsAnAuthorizationBoundedHoweverLongItsChainIsRefreshed() {
		registerThrough("sony-music", signedUpEmail(), Map.of());
		Map<String, Object> tokens = accountPagesSignIn(this.email);

		for (int refresh = 0; refresh < 110; refresh++) {
			tokens = tokensOf(SignInFlow.refresh(http(), "account-pages", null, (String) tokens.get("refresh_token")));
		}

		OAuth2Authorization current = this.authorizations.findByToken((String) tokens.get("access_token"),
				OAuth2TokenType.ACCESS_TOKEN);
		Document stored = this.mongo.findOne(Query.query(Criteria.where("_id").is(current.getId())), Document.class,
				"sign_in_authorizations");
		assertThat(stored.getList("refreshTokenHashes", String.class)).hasSizeLessThanOrEqualTo(100);
		assertThat(stored.getList("claimedTokenHashes", String.class)).hasSizeLessThanOrEqualTo(100);
	}

	@Test
	void letsNoPublicClientIntrospectByItsIdAlone() {
		registerThrough("sony-music", signedUpEmail(), Map.of());
		String accessToken = (String) accountPagesSignIn(this.email).get("access_token");

		http().post()
			.uri("/oauth2/introspect")
			.contentType(org.springframework.http.MediaType.APPLICATION_FORM_URLENCODED)
			.body(org.springframework.web.reactive.function.BodyInserters.fromFormData("token", accessToken)
				.with("grant_type", "refresh_token")
				.with("client_id", "account-pages"))
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectBody()
			.jsonPath("$.sub")
			.doesNotExist();
	}

	private WebTestClient.ResponseSpec revoke(String clientId, String token) {
		return http().post()
			.uri("/oauth2/revoke")
			.contentType(org.springframework.http.MediaType.APPLICATION_FORM_URLENCODED)
			.body(org.springframework.web.reactive.function.BodyInserters.fromFormData("token", token)
				.with("client_id", clientId))
			.exchange();
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
	void theSameRefreshTokenSentTwiceAtOnceIsServedAtMostOnceAndEndsItsChain() throws Exception {
		registerThrough("sony-music", signedUpEmail(), Map.of());
		String refreshToken = (String) accountPagesSignIn(this.email).get("refresh_token");
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService threads = Executors.newFixedThreadPool(2);
		try {
			List<Future<EntityExchangeResult<Map<String, Object>>>> refreshes = new ArrayList<>();
			for (int i = 0; i < 2; i++) {
				refreshes.add(threads.submit(() -> {
					start.await();
					return SignInFlow.refresh(http(), "account-pages", null, refreshToken)
						.expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
						})
						.returnResult();
				}));
			}
			start.countDown();
			List<EntityExchangeResult<Map<String, Object>>> results = new ArrayList<>();
			for (Future<EntityExchangeResult<Map<String, Object>>> refresh : refreshes) {
				results.add(refresh.get(30, TimeUnit.SECONDS));
			}

			assertThat(results).filteredOn((result) -> result.getStatus().value() == 200).hasSizeLessThanOrEqualTo(1);
			assertThat(results).filteredOn((result) -> result.getStatus().value() != 200)
				.isNotEmpty()
				.allSatisfy((result) -> assertThat(result.getResponseBody()).containsEntry("error", "invalid_grant"));
			for (EntityExchangeResult<Map<String, Object>> result : results) {
				if (result.getStatus().value() == 200) {
					String rotated = (String) result.getResponseBody().get("refresh_token");
					expectInvalidGrant(SignInFlow.refresh(http(), "account-pages", null, rotated));
					introspect((String) result.getResponseBody().get("access_token")).jsonPath("$.active")
						.isEqualTo(false);
				}
			}
			expectInvalidGrant(SignInFlow.refresh(http(), "account-pages", null, refreshToken));
		}
		finally {
			threads.shutdownNow();
		}
	}

	@Test
	void aCodeRedeemedTwiceIsRefusedTheSecondTimeAndEndsItsTokens() {
		registerThrough("sony-music", signedUpEmail(), Map.of());
		SignInFlow flow = SignInFlow.through("account-pages")
			.scopes("openid", "email")
			.signIn(this.email, RegistrationInput.PASSWORD);
		SignInFlow.Code code = flow.codeFrom(http());
		Map<String, Object> tokens = tokensOf(flow.redeem(http(), code));

		expectInvalidGrant(flow.redeem(http(), code));

		expectInvalidGrant(SignInFlow.refresh(http(), "account-pages", null, (String) tokens.get("refresh_token")));
		introspect((String) tokens.get("access_token")).jsonPath("$.active").isEqualTo(false);
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
	void keepsNoRawTokenValueInTheStore() {
		registerThrough("sony-music", signedUpEmail(), Map.of());
		Map<String, Object> signedIn = accountPagesSignIn(this.email);
		String accessToken = (String) signedIn.get("access_token");
		String refreshToken = (String) signedIn.get("refresh_token");
		String idToken = (String) signedIn.get("id_token");

		OAuth2Authorization byAccessToken = this.authorizations.findByToken(accessToken, null);
		assertThat(byAccessToken).isNotNull();
		assertThat(byAccessToken.getAccessToken().getToken().getTokenValue()).isEqualTo(accessToken);

		Document stored = this.mongo.findOne(Query.query(Criteria.where("_id").is(byAccessToken.getId())),
				Document.class, "sign_in_authorizations");
		assertThat(stored).isNotNull().containsKeys("accessTokenHash", "refreshTokenHash", "expiresAt");
		String raw = new String(rawBytesOf(stored), StandardCharsets.ISO_8859_1);
		assertThat(raw).contains(Sha256.hex(accessToken)).contains(Sha256.hex(refreshToken));
		for (String token : List.of(accessToken, refreshToken, idToken)) {
			assertThat(raw.contains(token)).as("a raw token value in the store").isFalse();
		}
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

	/**
	 * The document as the store holds it: BSON bytes, the serialized authorization
	 * included.
	 */
	private static byte[] rawBytesOf(Document stored) {
		BasicOutputBuffer buffer = new BasicOutputBuffer();
		new DocumentCodec().encode(new BsonBinaryWriter(buffer), stored, EncoderContext.builder().build());
		return buffer.toByteArray();
	}

	private static Map<String, Object> tokensOf(WebTestClient.ResponseSpec response) {
		return response.expectStatus().isOk().expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
		}).returnResult().getResponseBody();
	}

	private static void expectInvalidGrant(WebTestClient.ResponseSpec response) {
		response.expectStatus().isBadRequest().expectBody().jsonPath("$.error").isEqualTo("invalid_grant");
	}

}
