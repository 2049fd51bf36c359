package org.onesignin.hub.caller;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.onesignin.hub.support.MovableClock;

import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Each distinct token is verified once until it expires; refused tokens are checked every
 * time.
 */
class VerifiedTokensUnitTests {

	private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");

	private final List<String> verifications = new ArrayList<>();

	private final MovableClock clock = new MovableClock(NOW);

	private final JwtDecoder verifier = (token) -> {
		this.verifications.add(token);
		if (token.startsWith("forged")) {
			throw new BadJwtException("bad signature");
		}
		return Jwt.withTokenValue(token)
			.header("alg", "RS256")
			.subject(token)
			.issuedAt(NOW)
			.expiresAt(token.startsWith("endless") ? null : NOW.plus(Duration.ofMinutes(5)))
			.build();
	};

	private final VerifiedTokens tokens = new VerifiedTokens(this.verifier, this.clock, 100);

	@Test
	void verifiesATokenOnceAndAnswersItsClaimsAgain() {
		Jwt first = this.tokens.decode("ada");
		Jwt again = this.tokens.decode("ada");

		assertThat(again.getSubject()).isEqualTo("ada");
		assertThat(again).isSameAs(first);
		assertThat(this.verifications).containsExactly("ada");
	}

	@Test
	void verifiesEachDistinctTokenOnItsOwn() {
		this.tokens.decode("ada");
		this.tokens.decode("grace");

		assertThat(this.tokens.decode("grace").getSubject()).isEqualTo("grace");
		assertThat(this.verifications).containsExactly("ada", "grace");
	}

	@Test
	void verifiesATokenAgainOnceItExpired() {
		this.tokens.decode("ada");
		this.clock.set(NOW.plus(Duration.ofMinutes(5)));

		this.tokens.decode("ada");

		assertThat(this.verifications).containsExactly("ada", "ada");
	}

	@Test
	void neverKeepsARefusedToken() {
		for (int i = 0; i < 2; i++) {
			assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> this.tokens.decode("forged"));
		}

		assertThat(this.verifications).containsExactly("forged", "forged");
	}

	@Test
	void neverKeepsATokenWithoutExpiry() {
		this.tokens.decode("endless");
		this.tokens.decode("endless");

		assertThat(this.verifications).containsExactly("endless", "endless");
	}

	@Test
	void keepsNoMoreTokensThanItsBound() {
		VerifiedTokens small = new VerifiedTokens(this.verifier, this.clock, 2);
		for (int i = 0; i < 50; i++) {
			small.decode("t" + i);
		}
		this.verifications.clear();

		for (int i = 0; i < 50; i++) {
			small.decode("t" + i);
		}

		assertThat(this.verifications).hasSizeGreaterThanOrEqualTo(45);
	}

}
