package org.onesignin.hub.account;

import java.time.Instant;

/**
 * What an identity's sign-in rests on besides its password: whether its sign-in email is
 * verified, the address awaiting confirmation by a mailed link (the registered address
 * itself, or a new one asked for), a password reset in progress, and whether superseding
 * the other identities that used its newly verified address is still to be done. Only the
 * hash of each link's token is kept.
 */
public record Credentials(boolean emailVerified, Confirmation emailConfirmation, Confirmation passwordReset,
		boolean claimPending) {

	/** An identity whose sign-in email is verified, with nothing pending. */
	public static final Credentials VERIFIED = new Credentials(true, null, null, false);

	/**
	 * An identity whose sign-in email was just verified: other identities registered
	 * unverified with the address are still to be superseded.
	 */
	public static final Credentials CLAIMED = new Credentials(true, null, null, true);

	/** An identity awaiting the confirmation of its registered address. */
	public static Credentials awaiting(Confirmation confirmation) {
		return new Credentials(false, confirmation, null, false);
	}

	Credentials withEmailConfirmation(Confirmation confirmation) {
		return new Credentials(this.emailVerified, confirmation, this.passwordReset, this.claimPending);
	}

	Credentials withPasswordReset(Confirmation reset) {
		return new Credentials(this.emailVerified, this.emailConfirmation, reset, this.claimPending);
	}

	/**
	 * Verified now, its address claimed: the claim stays pending until the unverified
	 * identities using the address are superseded (a crash in between is finished by a
	 * sweep).
	 */
	Credentials verified() {
		return new Credentials(true, null, this.passwordReset, true);
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
