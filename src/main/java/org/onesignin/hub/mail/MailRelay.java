package org.onesignin.hub.mail;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.util.backoff.BackOffExecution;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Delivers the mail outbox, one claimed mail at a time, on its own thread: woken when a
 * mail is queued and every {@code hub.mail.relay-interval}. A failed attempt is retried
 * after an exponential backoff with jitter, and after {@code hub.mail.max-attempts} the
 * mail is dropped. Logs name the kind and the attempt, never an address or a link.
 */
@Component
class MailRelay {

	private static final Duration CLAIM = Duration.ofMinutes(1);

	private static final Logger log = LoggerFactory.getLogger(MailRelay.class);

	private final MailOutbox outbox;

	private final MailDelivery delivery;

	private final MailProperties properties;

	private final Clock clock;

	private final ExecutorService worker = Executors.newSingleThreadExecutor((task) -> {
		Thread thread = new Thread(task, "mail-relay");
		thread.setDaemon(true);
		return thread;
	});

	private final AtomicBoolean draining = new AtomicBoolean();

	MailRelay(MailOutbox outbox, MailDelivery delivery, MailProperties properties, Clock clock) {
		this.outbox = outbox;
		this.delivery = delivery;
		this.properties = properties;
		this.clock = clock;
	}

	@EventListener
	void queued(MailQueued queued) {
		wake();
	}

	@Scheduled(fixedDelayString = "${hub.mail.relay-interval:1s}")
	void wake() {
		if (this.draining.compareAndSet(false, true)) {
			try {
				this.worker.execute(this::drain);
			}
			catch (RuntimeException ex) {
				this.draining.set(false);
			}
		}
	}

	/** Marks of delivered mails are kept a day: longer than any hand-over is retried. */
	@Scheduled(fixedDelayString = "${hub.mail.purge-interval:1h}")
	void purgeDelivered() {
		try {
			this.outbox.purgeDelivered(this.clock.instant().minus(Duration.ofDays(1)));
		}
		catch (RuntimeException ex) {
			log.warn("Purging delivered mail marks failed: {}", ex.getClass().getSimpleName());
		}
	}

	@PreDestroy
	void stop() {
		this.worker.shutdownNow();
	}

	private void drain() {
		try {
			Optional<MailOutbox.Queued> next;
			while ((next = claim()).isPresent()) {
				attempt(next.get());
			}
		}
		catch (RuntimeException ex) {
			// the outbox keeps the mail; the next wake retries
			log.warn("Mail relay interrupted: {}", ex.getClass().getSimpleName());
		}
		finally {
			this.draining.set(false);
		}
	}

	private Optional<MailOutbox.Queued> claim() {
		Instant now = this.clock.instant();
		return this.outbox.claimDue(now, now.plus(CLAIM));
	}

	private void attempt(MailOutbox.Queued queued) {
		try {
			this.delivery.deliver(queued.mail());
			this.outbox.delivered(queued);
		}
		catch (jakarta.mail.internet.AddressException | org.springframework.mail.MailParseException ex) {
			// an address no server will take: trying again cannot help
			log.warn("Dropped a {} mail to an unusable address", queued.mail().kind());
			this.outbox.delivered(queued);
		}
		catch (Exception ex) {
			int attempts = queued.attempts() + 1;
			if (attempts >= this.properties.maxAttempts()) {
				log.warn("Dropped a {} mail after {} attempts: {}", queued.mail().kind(), attempts,
						ex.getClass().getSimpleName());
				this.outbox.delivered(queued);
				return;
			}
			log.info("A {} mail failed (attempt {}): {}; retried later", queued.mail().kind(), attempts,
					ex.getClass().getSimpleName());
			this.outbox.retryAt(queued, attempts, this.clock.instant().plus(backoff(attempts)));
		}
	}

	/**
	 * The wait after the n-th failed attempt: doubling from the initial one, jittered.
	 */
	Duration backoff(int failedAttempts) {
		ExponentialBackOff backOff = new ExponentialBackOff(this.properties.backoffInitial().toMillis(), 2.0);
		backOff.setMaxInterval(this.properties.backoffMax().toMillis());
		backOff.setJitter(this.properties.backoffInitial().toMillis() / 2);
		BackOffExecution execution = backOff.start();
		long wait = 0;
		for (int i = 0; i < failedAttempts; i++) {
			wait = execution.nextBackOff();
		}
		return Duration.ofMillis(Math.max(0, wait));
	}

}
