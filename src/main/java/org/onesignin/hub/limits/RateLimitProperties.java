package org.onesignin.hub.limits;

import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The request rate each caller may keep up ({@code hub.rate-limits.<caller-kind>.*},
 * caller kinds {@code partner-service}, {@code person}, {@code support-agent},
 * {@code anonymous}): a bucket of {@code capacity} requests refilled by
 * {@code refill-per-second}. Buckets are kept per hub instance.
 *
 * @param rateLimits the limit of each caller kind
 * @param rateLimitTrackedCallers how many callers' buckets an instance keeps at most
 * ({@code hub.rate-limit-tracked-callers}; the least recently seen are dropped first)
 */
@ConfigurationProperties("hub")
public record RateLimitProperties(Map<String, Limit> rateLimits, Integer rateLimitTrackedCallers) {

	public RateLimitProperties {
		Map<String, Limit> merged = new HashMap<>(Map.of(CallerKinds.PARTNER_SERVICE, new Limit(600L, 100L),
				CallerKinds.PERSON, new Limit(120L, 20L), CallerKinds.SUPPORT_AGENT, new Limit(240L, 40L),
				CallerKinds.ADMINISTRATOR, new Limit(120L, 20L), CallerKinds.ANONYMOUS, new Limit(60L, 10L)));
		if (rateLimits != null) {
			// a setting names what it changes; the rest of that kind's default stays
			rateLimits.forEach((kind, limit) -> merged.merge(kind, limit, Limit::overriddenBy));
		}
		rateLimits = Map.copyOf(merged);
		rateLimitTrackedCallers = (rateLimitTrackedCallers != null) ? rateLimitTrackedCallers : 100_000;
	}

	Limit of(String callerKind) {
		return this.rateLimits.get(callerKind);
	}

	/** A bucket's size and how fast it refills. */
	public record Limit(Long capacity, Long refillPerSecond) {

		public Limit {
			if ((capacity != null && capacity < 1) || (refillPerSecond != null && refillPerSecond < 1)) {
				throw new IllegalArgumentException("A rate limit needs a capacity and a refill of at least 1");
			}
		}

		Limit overriddenBy(Limit other) {
			return new Limit((other.capacity != null) ? other.capacity : this.capacity,
					(other.refillPerSecond != null) ? other.refillPerSecond : this.refillPerSecond);
		}

	}

}
