package org.onesignin.hub.account;

import java.time.Instant;

/**
 * What an identity's sign-in rests on besides its password: whether its sign-in email is
 * verified, the address awaiting confirmation by a mailed link (the registered address
 * itself, or a new one asked for), and a password reset in progress. Only the hash of
 * each link's token is kept.
 */
public record Credentials(boolean emailVerified, Confirmation emailConfirmation, Confirmation passwordReset) {

	/** An identity whose sign-in email is verified, with nothing pending. */
	public static final Credentials VERIFIED = new Credentials(true, null, null);

	Credentials withEmailConfirmation(Confirmation confirmation) {
		return new Credentials(this.emailVerified, confirmation, this.passwordReset);
	}

	Credentials withPasswordReset(Confirmation reset) {
		return new Credentials(this.emailVerified, this.emailConfirmation, reset);
	}

	Credentials verified() {
		return new Credentials(true, null, this.passwordReset);
	}

	/**
	 * A link awaiting its use: the address it confirms (none for a reset), the hash of
	 * its token, when it expires and when it was sent.
	 */
	public record Confirmation(String email, String tokenHash, Instant expiresAt, Instant requestedAt) {

		boolean accepts(String tokenHash, Instant now) {
			return this.tokenHash.equals(tokenHash) && now.isBefore(this.expiresAt);
		}

	}

}
