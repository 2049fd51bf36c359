package org.onesignin.hub.mail;

import java.time.Instant;
import java.util.Optional;

/**
 * Port: the mail outbox, as {@link Mails} fills it and the relay works it. Claims are
 * single-document atomic updates, so two instances never deliver one mail at the same
 * time, and a killed instance's claim runs out and the mail is delivered elsewhere.
 */
public interface MailOutbox extends Mails {

	/** Claims one mail due now until {@code until}, if any. */
	Optional<Queued> claimDue(Instant now, Instant until);

	/**
	 * Forgets a delivered (or dropped) mail, if this claim still holds it: only a mark of
	 * its id is kept (the mail held a link), so the same id handed over again is not sent
	 * again.
	 */
	void delivered(Queued queued);

	/** Forgets the marks of mails delivered before {@code before}. */
	void purgeDelivered(Instant before);

	/**
	 * Releases the claim after a failed attempt, to be tried again at {@code next}, if
	 * the claim still holds the mail.
	 */
	void retryAt(Queued queued, int attempts, Instant next);

	/** One claimed mail of the outbox, the claim, and the attempts made so far. */
	record Queued(String id, String claim, Mail mail, int attempts) {
	}

}
