package org.onesignin.hub.signin;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.onesignin.hub.caller.HubSecurityProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;

/**
 * Benchmark only: a person's access token signed by the hub's own keys with exactly the
 * claims the sign-in server gives (through {@link LocalTokenClaims}), without a password
 * check per person, so a benchmark can hold thousands of people's tokens.
 */
public final class BenchmarkTokens {

	private final JwtEncoder encoder;

	private final LocalTokenClaims claims;

	private final String issuer;

	public BenchmarkTokens(ApplicationContext hub) {
		this.encoder = hub.getBean(JwtEncoder.class);
		this.claims = hub.getBean(LocalTokenClaims.class);
		this.issuer = hub.getBean(HubSecurityProperties.class).issuer();
	}

	/** A token of the account's owner obtained through {@code clientId}. */
	public String person(String accountId, String email, String clientId, Duration lifetime) {
		Instant now = Instant.now();
		JwtClaimsSet.Builder builder = JwtClaimsSet.builder()
			.issuer(this.issuer)
			.issuedAt(now)
			.notBefore(now)
			.expiresAt(now.plus(lifetime))
			.id(UUID.randomUUID().toString())
			.claim("scope", "openid");
		this.claims.forPerson(builder, clientId, new HubUser(accountId, "unused", true, null, email));
		return this.encoder
			.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(), builder.build()))
			.getTokenValue();
	}

}
