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

	/** Forgets a delivered mail (it holds a link: nothing is kept). */
	void delivered(String id);

	/** Releases a claim after a failed attempt, to be tried again at {@code next}. */
	void retryAt(String id, int attempts, Instant next);

	/** One mail of the outbox and the attempts made so far. */
	record Queued(String id, Mail mail, int attempts) {
	}

}
