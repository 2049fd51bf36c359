package org.onesignin.hub.preferences;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.text.ParseException;
import java.util.Base64;
import java.util.Optional;

import org.onesignin.hub.shared.SecretFiles;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Signed unsubscribe tokens (JWS, HMAC-SHA256 with a server secret) naming an account, a
 * company and an email address. They do not expire, so an unsubscribe link keeps working,
 * and they can only ever withdraw that company's email consent for that address.
 */
@Component
public class UnsubscribeTokens {

	private static final String TYPE = "unsubscribe";

	private final byte[] secret;

	UnsubscribeTokens(@Value("${hub.unsubscribe.secret:}") String secret,
			@Value("${hub.unsubscribe.secret-file:./data/unsubscribe-secret}") String secretFile,
			org.springframework.core.env.Environment environment) {
		if (secret.isBlank() && environment.matchesProfiles("production")) {
			// every instance must sign and verify links with the same secret
			throw new IllegalStateException("Set HUB_UNSUBSCRIBE_SECRET (hub.unsubscribe.secret) in production");
		}
		this.secret = secret.isBlank() ? loadOrCreate(Path.of(secretFile)) : Base64.getDecoder().decode(secret);
		if (this.secret.length < 32) {
			throw new IllegalStateException("hub.unsubscribe.secret must be at least 32 bytes (base64)");
		}
	}

	public String issue(String accountId, String companyId, String address) {
		JWTClaimsSet claims = new JWTClaimsSet.Builder().subject(accountId)
			.claim("typ", TYPE)
			.claim("company", companyId)
			.claim("address", address)
			.build();
		SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
		try {
			jwt.sign(new MACSigner(this.secret));
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
		return jwt.serialize();
	}

	/**
	 * The token's subject, company and address, or empty when it is not one of ours or
	 * was altered.
	 */
	public Optional<Subject> verify(String token) {
		try {
			SignedJWT jwt = SignedJWT.parse(token);
			if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm())
					|| !jwt.verify(new MACVerifier(this.secret))) {
				return Optional.empty();
			}
			JWTClaimsSet claims = jwt.getJWTClaimsSet();
			if (!TYPE.equals(claims.getStringClaim("typ")) || claims.getSubject() == null
					|| claims.getStringClaim("company") == null || claims.getStringClaim("address") == null) {
				return Optional.empty();
			}
			return Optional.of(new Subject(claims.getSubject(), claims.getStringClaim("company"),
					claims.getStringClaim("address")));
		}
		catch (ParseException | JOSEException | RuntimeException ex) {
			return Optional.empty();
		}
	}

	/**
	 * A keyed pseudonym (HMAC-SHA256 with the server secret, domain-separated from token
	 * signing) for a value that must stop identifying the person, such as an erased
	 * person's email address in a consent record: stable, but not reversible by guessing.
	 */
	public String pseudonym(String value) {
		try {
			javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
			mac.init(new javax.crypto.spec.SecretKeySpec(this.secret, "HmacSHA256"));
			byte[] digest = mac.doFinal(("pseudonym:" + value).getBytes(java.nio.charset.StandardCharsets.UTF_8));
			return "pseudonym:" + java.util.HexFormat.of().formatHex(digest, 0, 16);
		}
		catch (java.security.GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static byte[] loadOrCreate(Path file) {
		try {
			if (Files.exists(file)) {
				return Base64.getDecoder().decode(Files.readString(file).strip());
			}
			byte[] secret = new byte[32];
			new SecureRandom().nextBytes(secret);
			SecretFiles.write(file, Base64.getEncoder().encodeToString(secret));
			return secret;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read or write the unsubscribe secret " + file, ex);
		}
	}

	/** What an unsubscribe token names. */
	public record Subject(String accountId, String companyId, String address) {
	}

}
