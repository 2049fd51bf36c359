package org.onesignin.hub.limits;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.onesignin.hub.support.HubIntegrationTest;
import org.onesignin.hub.support.RawGraphQl;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each caller has its own token bucket: within it every answer says what is left, past it
 * the hub answers 429 with when to come back, and one caller's flood costs another caller
 * nothing.
 */
class RateLimitsIntegrationTests extends HubIntegrationTest {

	@DynamicPropertySource
	static void smallBuckets(DynamicPropertyRegistry registry) {
		registry.add("hub.rate-limits.anonymous.capacity", () -> 3);
		registry.add("hub.rate-limits.anonymous.refill-per-second", () -> 1);
		registry.add("hub.rate-limits.partner-service.capacity", () -> 2);
		registry.add("hub.rate-limits.partner-service.refill-per-second", () -> 1);
	}

	@Test
	void answersTooManyRequestsWithRetryAfterOnceTheBucketIsEmpty() {
		for (int i = 0; i < 3; i++) {
			ask(null).expectStatus().isOk().expectHeader().exists("RateLimit-Remaining");
		}

		ask(null).expectStatus()
			.isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
			.expectHeader()
			.value("Retry-After", (seconds) -> assertThat(Long.parseLong(seconds)).isPositive())
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
			.expectBody()
			.jsonPath("$.errors[0].extensions.classification")
			.isEqualTo("TOO_MANY_REQUESTS");
	}

	@Test
	void keepsOneBucketPerPartnerService() {
		String musicToken = this.jwts.partner("sony-music");
		ask(musicToken).expectStatus().isOk();
		ask(musicToken).expectStatus().isOk();
		ask(musicToken).expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS);

		ask(this.jwts.partner("sony-rewards")).expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("RateLimit-Limit", "2")
			.expectHeader()
			.valueEquals("RateLimit-Remaining", "1");
	}

	private WebTestClient.ResponseSpec ask(String token) {
		return RawGraphQl.exchange(http(), token, Map.of("query", "{ companies { id } }"));
	}

}
