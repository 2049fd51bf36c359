package org.onesignin.hub.support;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;

import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * Mints real signed access tokens of each caller kind with the key the hub under test
 * trusts (its local issuer's), in the claim shape of the hub's configuration, plus
 * deliberately bad ones (foreign key, expired, wrong issuer or audience).
 */
public final class TestJwts {

	public static final String ISSUER = "http://localhost:8080";

	public static final String AUDIENCE = "one-sign-in-hub";

	private final JwtEncoder trusted;

	private final JwtEncoder foreign;

	public TestJwts(JwtEncoder trusted) {
		this.trusted = trusted;
		this.foreign = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(randomKey())));
	}

	/** A person's token obtained through {@code clientId} (sub = account id). */
	public String user(String accountId, String clientId) {
		return sign(this.trusted, base(accountId).claim("azp", clientId));
	}

	/** A partner service's client-credentials token. */
	public String partner(String clientId) {
		return sign(this.trusted, base(clientId).claim("azp", clientId).claim("client_id", clientId));
	}

	/** A support agent of {@code company}, signed in through the support console. */
	public String supportAgent(String agentId, String company) {
		return sign(this.trusted,
				base(agentId).claim("azp", "support-console")
					.claim("roles", List.of("support"))
					.claim("company", company));
	}

	/** A registry administrator's token, through the staff tooling's client. */
	public String administrator(String adminId) {
		return sign(this.trusted,
				base(adminId).claim("azp", "support-console").claim("roles", List.of("administrator")));
	}

	/** An administrator's token as a forger would make it: right claims, wrong key. */
	public String administratorSignedWithForeignKey(String adminId) {
		return sign(this.foreign,
				base(adminId).claim("azp", "support-console").claim("roles", List.of("administrator")));
	}

	public String signedWithForeignKey(String accountId) {
		return sign(this.foreign, base(accountId).claim("azp", "account-pages"));
	}

	public String expired(String accountId) {
		Instant past = Instant.now().minus(Duration.ofHours(2));
		return sign(this.trusted,
				JwtClaimsSet.builder()
					.issuer(ISSUER)
					.audience(List.of(AUDIENCE))
					.subject(accountId)
					.issuedAt(past)
					.expiresAt(past.plus(Duration.ofMinutes(5)))
					.claim("azp", "account-pages"));
	}

	public String withIssuer(String accountId, String issuer) {
		return sign(this.trusted, base(accountId).issuer(issuer).claim("azp", "account-pages"));
	}

	public String withAudience(String accountId, String audience) {
		return sign(this.trusted, base(accountId).audience(List.of(audience)).claim("azp", "account-pages"));
	}

	private static JwtClaimsSet.Builder base(String subject) {
		Instant now = Instant.now();
		return JwtClaimsSet.builder()
			.issuer(ISSUER)
			.audience(List.of(AUDIENCE))
			.subject(subject)
			.id(UUID.randomUUID().toString())
			.issuedAt(now)
			.expiresAt(now.plus(Duration.ofMinutes(10)));
	}

	/** Signs the claims with RS256 through the encoder (any key the test chose). */
	public static String sign(JwtEncoder encoder, JwtClaimsSet.Builder claims) {
		return encoder
			.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(), claims.build()))
			.getTokenValue();
	}

	private static RSAKey randomKey() {
		try {
			return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
		}
		catch (com.nimbusds.jose.JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
