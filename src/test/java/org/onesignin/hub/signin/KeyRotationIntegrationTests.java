package org.onesignin.hub.signin;

import java.text.ParseException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.onesignin.hub.support.HubIntegrationTest;
import org.onesignin.hub.support.LocalTokens;
import org.onesignin.hub.support.RawGraphQl;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The sign-in server's keys rotate while the hub runs: a token signed before a rotation
 * is still accepted until it expires, a new token names the new key, and the published
 * JWKS holds both.
 */
@TestPropertySource(properties = "hub.sign-in.key-rotation-period=3s")
class KeyRotationIntegrationTests extends HubIntegrationTest {

	@Test
	void acceptsATokenSignedBeforeARotationAndSignsNewOnesWithTheNextKey() {
		String before = partnerToken();
		String oldKey = keyIdOf(before);

		await().atMost(Duration.ofSeconds(10))
			.pollInterval(Duration.ofMillis(250))
			.until(() -> !keyIdOf(partnerToken()).equals(oldKey));
		String after = partnerToken();

		assertThat(keyIdOf(after)).isNotEqualTo(oldKey);
		assertThat(publishedKeyIds()).contains(oldKey, keyIdOf(after));
		for (String token : List.of(before, after)) {
			RawGraphQl.post(http(), token, Map.of("query", "{ services { id } }"))
				.jsonPath("$.errors")
				.doesNotExist()
				.jsonPath("$.data.services[0].id")
				.exists();
		}
	}

	private String partnerToken() {
		return LocalTokens.client("sony-music").withSecret("sony-music-secret").obtainFrom(http());
	}

	private List<String> publishedKeyIds() {
		Map<String, List<Map<String, Object>>> jwks = http().get()
			.uri("/oauth2/jwks")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(new ParameterizedTypeReference<Map<String, List<Map<String, Object>>>>() {
			})
			.returnResult()
			.getResponseBody();
		return jwks.get("keys").stream().map((key) -> (String) key.get("kid")).toList();
	}

	private static String keyIdOf(String token) {
		try {
			return SignedJWT.parse(token).getHeader().getKeyID();
		}
		catch (ParseException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
