package org.onesignin.hub.caller;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

import org.onesignin.hub.shared.Sha256;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Verifies each distinct access token once until it expires: a token whose signature and
 * claims were checked is kept, by the SHA-256 of its text (never the token itself), in a
 * bounded cache until its {@code exp}, and answered from there. A refused token is never
 * kept, so it is checked again each time; a token without {@code exp} is never kept.
 */
public final class VerifiedTokens implements JwtDecoder {

	private final JwtDecoder verifier;

	private final Clock clock;

	private final Cache<String, Jwt> verified;

	public VerifiedTokens(JwtDecoder verifier, Clock clock, long maximumSize) {
		this.verifier = verifier;
		this.clock = clock;
		this.verified = Caffeine.newBuilder()
			.maximumSize(maximumSize)
			.expireAfter(new UntilExpiry(clock))
			// evictions on the calling thread: the bound holds at once, not eventually
			.executor(Runnable::run)
			.build();
	}

	@Override
	public Jwt decode(String token) throws JwtException {
		String key = Sha256.hex(token);
		Jwt known = this.verified.getIfPresent(key);
		if (known != null && this.clock.instant().isBefore(known.getExpiresAt())) {
			return known;
		}
		Jwt jwt = this.verifier.decode(token);
		if (jwt.getExpiresAt() != null) {
			this.verified.put(key, jwt);
		}
		return jwt;
	}

	/** A verified token stays until its own expiry (the hub's clock), no longer. */
	private record UntilExpiry(Clock clock) implements Expiry<String, Jwt> {

		@Override
		public long expireAfterCreate(String key, Jwt jwt, long currentTime) {
			Instant expiresAt = jwt.getExpiresAt();
			return Math.max(0, Duration.between(this.clock.instant(), expiresAt).toNanos());
		}

		@Override
		public long expireAfterUpdate(String key, Jwt jwt, long currentTime, long currentDuration) {
			return expireAfterCreate(key, jwt, currentTime);
		}

		@Override
		public long expireAfterRead(String key, Jwt jwt, long currentTime, long currentDuration) {
			return currentDuration;
		}

	}

}
