package org.onesignin.hub.limits;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;

import org.onesignin.hub.shared.Caller;
import org.onesignin.hub.shared.CallerKind;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * One token bucket per caller (a partner's client, a person, a support agent, an
 * anonymous address), in a bounded cache of this instance.
 */
@Component
@EnableConfigurationProperties(RateLimitProperties.class)
final class CallerRateLimits {

	private static final String REJECTED_TOKEN = "rejected-token";

	private static final String REFUSED_CLIENT = "refused-client";

	private final RateLimitProperties properties;

	private final Cache<String, Bucket> buckets;

	CallerRateLimits(RateLimitProperties properties) {
		this.properties = properties;
		this.buckets = Caffeine.newBuilder()
			.maximumSize(properties.rateLimitTrackedCallers())
			.expireAfterAccess(Duration.ofMinutes(10))
			.build();
	}

	/** Takes one request from the caller's bucket. */
	Decision take(Caller caller, String remoteAddress) {
		String kind = CallerKinds.of(caller);
		RateLimitProperties.Limit limit = this.properties.of(kind);
		ConsumptionProbe probe = bucket(kind, limit,
				(caller != null && caller.kind() != CallerKind.ANONYMOUS) ? caller.subject() : remoteAddress)
			.tryConsumeAndReturnRemaining(1);
		long waitNanos = probe.isConsumed() ? 0 : probe.getNanosToWaitForRefill();
		return new Decision(probe.isConsumed(), limit, probe.getRemainingTokens(), waitNanos);
	}

	/**
	 * Takes one from the address's bucket of refused tokens (HTTP 401), of the anonymous
	 * limit and apart from the address's anonymous requests.
	 */
	Decision rejectedToken(String remoteAddress) {
		RateLimitProperties.Limit limit = this.properties.of(CallerKinds.ANONYMOUS);
		ConsumptionProbe probe = bucket(REJECTED_TOKEN, limit, remoteAddress).tryConsumeAndReturnRemaining(1);
		return new Decision(probe.isConsumed(), limit, probe.getRemainingTokens(),
				probe.isConsumed() ? 0 : probe.getNanosToWaitForRefill());
	}

	/**
	 * Whether the address may still try a client authentication at the token endpoint:
	 * its refused ones (HTTP 401) come from a bucket of the anonymous limit, apart from
	 * its other requests, so a partner's back end that authenticates is never slowed.
	 */
	Decision refusedClientsLeft(String remoteAddress) {
		RateLimitProperties.Limit limit = this.properties.of(CallerKinds.ANONYMOUS);
		EstimationProbe probe = bucket(REFUSED_CLIENT, limit, remoteAddress).estimateAbilityToConsume(1);
		return new Decision(probe.canBeConsumed(), limit, probe.getRemainingTokens(),
				probe.canBeConsumed() ? 0 : probe.getNanosToWaitForRefill());
	}

	/** Counts one refused client authentication of the address. */
	void refusedClient(String remoteAddress) {
		bucket(REFUSED_CLIENT, this.properties.of(CallerKinds.ANONYMOUS), remoteAddress).tryConsume(1);
	}

	private Bucket bucket(String kind, RateLimitProperties.Limit limit, String who) {
		return this.buckets.get(kind + ":" + who,
				(ignored) -> Bucket.builder()
					.addLimit(Bandwidth.builder()
						.capacity(limit.capacity())
						.refillGreedy(limit.refillPerSecond(), Duration.ofSeconds(1))
						.build())
					.build());
	}

	/** Whether the request may go ahead, and what the caller has left. */
	record Decision(boolean allowed, RateLimitProperties.Limit limit, long remaining, long waitNanos) {

		/** Whole seconds until a request is allowed again, at least 1 when refused. */
		long retryAfterSeconds() {
			return this.allowed ? 0 : Math.max(1, (this.waitNanos + 999_999_999L) / 1_000_000_000L);
		}

		/** Whole seconds until the bucket is full again. */
		long resetSeconds() {
			long missing = this.limit.capacity() - this.remaining;
			return (missing <= 0) ? 0 : (missing + this.limit.refillPerSecond() - 1) / this.limit.refillPerSecond();
		}

	}

}
