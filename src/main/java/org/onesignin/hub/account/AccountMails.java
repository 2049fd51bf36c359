package org.onesignin.hub.account;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.onesignin.hub.mail.Mails;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Hands the mails a change wrote into its account to the mail outbox: at once after the
 * change, and by a sweep for whatever a crash left behind. Each mail keeps its id into
 * the outbox, so a mail handed over twice (a crash between the hand-over and its removal,
 * or two instances at once) is still sent once; none is lost.
 */
@Component
class AccountMails {

	private static final int BATCH = 100;

	private static final Logger log = LoggerFactory.getLogger(AccountMails.class);

	private final Accounts accounts;

	private final Mails mails;

	/** The change's own hand-over and this instance's sweep take turns. */
	private final java.util.concurrent.locks.ReentrantLock lock = new java.util.concurrent.locks.ReentrantLock();

	AccountMails(Accounts accounts, Mails mails) {
		this.accounts = accounts;
		this.mails = mails;
	}

	@EventListener
	void handOver(MailsWritten written) {
		safely(() -> this.accounts.findPendingMails(written.accountId()).ifPresent(this::handOver));
	}

	@Scheduled(fixedDelayString = "${hub.credentials.mail-sweep-interval:10s}")
	void sweep() {
		safely(() -> this.accounts.findPendingMails(BATCH).forEach(this::handOver));
	}

	private void handOver(Accounts.PendingMails pending) {
		pending.mails().forEach((mail) -> this.mails.send(mail.id(), mail.mail()));
		this.accounts.removeMails(pending.accountId(), pending.mails().stream().map(Accounts.PendingMail::id).toList());
	}

	private void safely(Runnable work) {
		this.lock.lock();
		try {
			work.run();
		}
		catch (RuntimeException ex) {
			// the account keeps the mails; the next sweep hands them over
			log.warn("Mail hand-over interrupted: {}", ex.getClass().getSimpleName());
		}
		finally {
			this.lock.unlock();
		}
	}

}
