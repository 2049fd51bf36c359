package org.onesignin.hub.limits;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.onesignin.hub.support.HubIntegrationTest;
import org.onesignin.hub.support.RawGraphQl;

import org.springframework.http.HttpStatus;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Requests with a token the hub refuses are limited too, per address: a flood of forged
 * tokens ends in 429, and costs neither a valid token nor an anonymous caller of that
 * address anything.
 */
class RejectedTokenRateLimitIntegrationTests extends HubIntegrationTest {

	@DynamicPropertySource
	static void smallBuckets(DynamicPropertyRegistry registry) {
		registry.add("hub.rate-limits.anonymous.capacity", () -> 3);
		registry.add("hub.rate-limits.anonymous.refill-per-second", () -> 1);
	}

	@Test
	void answersTooManyRequestsToRefusedTokensOnlyOnceAnAddressSentTooMany() {
		String forged = this.jwts.signedWithForeignKey("someone");
		for (int i = 0; i < 3; i++) {
			ask(forged).expectStatus().isUnauthorized();
		}

		ask(forged).expectStatus()
			.isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
			.expectHeader()
			.exists("Retry-After")
			.expectBody()
			.jsonPath("$.errors[0].extensions.classification")
			.isEqualTo("TOO_MANY_REQUESTS");
		ask(null).expectStatus().isOk();
		ask(this.jwts.partner("sony-music")).expectStatus().isOk();
	}

	private WebTestClient.ResponseSpec ask(String token) {
		return RawGraphQl.exchange(http(), token, Map.of("query", "{ companies { id } }"));
	}

}
