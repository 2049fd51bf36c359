package org.onesignin.hub.account;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import org.onesignin.hub.shared.Sha256;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The links mailed to prove control of an address or to reset a password: a random
 * 256-bit token, of which the identity keeps only the hash (a link is then single-use
 * because using it removes the hash, and void once replaced or expired), on pages of the
 * sign-in server at the hub's public address.
 */
@Component
public class Confirmations {

	static final String CONFIRM_EMAIL_PATH = "/sign-in/confirm-email";

	static final String RESET_PASSWORD_PATH = "/sign-in/reset-password";

	private final SecureRandom random = new SecureRandom();

	private final String publicUrl;

	private final Duration verificationTtl;

	private final Duration resetTtl;

	Confirmations(@Value("${hub.public-url:${hub.security.issuer}}") String publicUrl,
			@Value("${hub.credentials.verification-ttl:24h}") Duration verificationTtl,
			@Value("${hub.credentials.reset-ttl:30m}") Duration resetTtl) {
		this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
		this.verificationTtl = verificationTtl;
		this.resetTtl = resetTtl;
	}

	/** A new link confirming an address. */
	IssuedLink emailConfirmation(Instant now) {
		return issue(CONFIRM_EMAIL_PATH, now, this.verificationTtl);
	}

	/** A new link resetting a password. */
	IssuedLink passwordReset(Instant now) {
		return issue(RESET_PASSWORD_PATH, now, this.resetTtl);
	}

	/** How long a password-reset link works, in minutes. */
	public long resetValidityMinutes() {
		return this.resetTtl.toMinutes();
	}

	/** The hash a link's token is kept and found by. */
	public static String hash(String token) {
		return Sha256.hex((token != null) ? token : "");
	}

	private IssuedLink issue(String path, Instant now, Duration ttl) {
		byte[] bytes = new byte[32];
		this.random.nextBytes(bytes);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		return new IssuedLink(hash(token), now.plus(ttl), this.publicUrl + path + "?token=" + token,
				String.valueOf(ttl.toMinutes()));
	}

	/**
	 * A link to mail: the hash to keep, its expiry, the URL and its validity in minutes.
	 */
	record IssuedLink(String tokenHash, Instant expiresAt, String url, String validityMinutes) {
	}

}
