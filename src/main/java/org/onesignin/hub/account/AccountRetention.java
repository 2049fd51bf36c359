package org.onesignin.hub.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.onesignin.hub.shared.Leases;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Erases closed identities once their retention period ends: basic details, credentials,
 * change history, service account ids; consent records and access log entries stay,
 * pseudonymised. Runs on one hub instance at a time (a lease in the store); every step is
 * idempotent and the identity is marked erased last, so a crash midway is simply resumed.
 */
@Component
public class AccountRetention {

	static final String LEASE = "account-retention";

	private static final Logger log = LoggerFactory.getLogger(AccountRetention.class);

	private final Accounts accounts;

	private final ChangeHistory history;

	private final ServiceAccountClaims claims;

	private final ApplicationEventPublisher events;

	private final Leases leases;

	private final Clock clock;

	private final Duration period;

	AccountRetention(Accounts accounts, ChangeHistory history, ServiceAccountClaims claims,
			ApplicationEventPublisher events, Leases leases, Clock clock,
			@Value("${hub.retention.period:30d}") Duration period) {
		this.accounts = accounts;
		this.history = history;
		this.claims = claims;
		this.events = events;
		this.leases = leases;
		this.clock = clock;
		this.period = period;
	}

	/** Erases every identity that is due; returns how many were erased. */
	@Scheduled(fixedDelayString = "${hub.retention.interval:1h}", initialDelayString = "${hub.retention.interval:1h}")
	public int run() {
		if (!this.leases.tryAcquire(LEASE, Duration.ofMinutes(10))) {
			return 0;
		}
		Instant now = this.clock.instant();
		int erased = 0;
		List<AccountId> due;
		do {
			due = this.accounts.findDueForErasure(now.minus(this.period), 100);
			for (AccountId id : due) {
				try {
					erase(id, now);
					erased++;
				}
				catch (RuntimeException ex) {
					// stays due; the next run retries it
					log.warn("Erasure of an identity failed: {}", ex.getClass().getSimpleName());
					return erased;
				}
			}
		}
		while (due.size() == 100);
		return erased;
	}

	private void erase(AccountId id, Instant now) {
		this.history.deleteAll(id);
		this.claims.releaseAll(id);
		this.events.publishEvent(new AccountErasureRequested(id));
		this.accounts.erase(id, now);
	}

}
