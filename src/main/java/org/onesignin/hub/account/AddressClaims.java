package org.onesignin.hub.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.onesignin.hub.shared.CallerKind;
import org.onesignin.hub.shared.ChangeOrigin;
import org.onesignin.hub.shared.Outcome;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * A verified claim wins: once an identity holds its verified address, every other
 * identity registered unverified with that address is superseded (its password void, its
 * service accounts cancelled with reason {@code EMAIL_CLAIMED_BY_OWNER}, closed). The
 * claim is written pending with the verification, and settled once the others are
 * superseded, so a sweep finishes what a crash in between left behind.
 */
@Component
class AddressClaims {

	/** The most identities awaiting confirmation one address can have. */
	static final int MAX_UNVERIFIED = 5;

	/** Who supersedes: the hub itself, on the address owner's verified claim. */
	static final ChangeOrigin HUB = new ChangeOrigin(CallerKind.ANONYMOUS, "one-sign-in", null, null, null);

	private static final int BATCH = 100;

	private static final Logger log = LoggerFactory.getLogger(AddressClaims.class);

	private final Accounts accounts;

	private final AccountUpdates updates;

	private final ServiceAccountClaims claims;

	private final Duration unconfirmedRetention;

	private final Clock clock;

	AddressClaims(Accounts accounts, AccountUpdates updates, ServiceAccountClaims claims,
			@Value("${hub.credentials.unconfirmed-retention:7d}") Duration unconfirmedRetention, Clock clock) {
		this.accounts = accounts;
		this.updates = updates;
		this.claims = claims;
		this.unconfirmedRetention = unconfirmedRetention;
		this.clock = clock;
	}

	/**
	 * Supersedes the unverified identities using the address the owner now holds, then
	 * settles the owner's claim.
	 */
	void supersedeUnverified(String email, AccountId owner) {
		List<Account> unverified;
		do {
			unverified = this.accounts.findUnverifiedByEmail(email, BATCH)
				.stream()
				.filter((account) -> !account.id().equals(owner))
				.toList();
			unverified.forEach((account) -> supersede(account.id()));
		}
		while (unverified.size() == BATCH);
		this.accounts.claimSettled(owner);
	}

	@Scheduled(fixedDelayString = "${hub.credentials.claim-sweep-interval:1m}")
	void sweep() {
		try {
			this.accounts.findPendingClaims(BATCH)
				.forEach((owner) -> supersedeUnverified(owner.signInEmail(), owner.id()));
		}
		catch (RuntimeException ex) {
			// the next sweep retries
			log.warn("Superseding claimed identities interrupted: {}", ex.getClass().getSimpleName());
		}
	}

	/**
	 * Identities left unverified: a registration of the last day whose address another
	 * identity holds now (it raced a claim, and a crash kept it from being superseded),
	 * and a registration whose link expired more than
	 * {@code hub.credentials.unconfirmed-retention} ago, which is closed and gives back
	 * its service accounts. Returns how many identities were closed that way.
	 */
	@Scheduled(fixedDelayString = "${hub.credentials.unconfirmed-sweep-interval:1h}",
			initialDelayString = "${hub.credentials.unconfirmed-sweep-interval:1h}")
	int closeLeftUnverified() {
		Instant now = this.clock.instant();
		int closed = 0;
		try {
			for (Account recent : this.accounts.findUnverifiedRegisteredSince(now.minus(Duration.ofDays(1)), BATCH)) {
				supersedeIfClaimed(recent.signInEmail(), recent.id());
			}
			Instant expiredBefore = now.minus(this.unconfirmedRetention);
			for (Account unconfirmed : this.accounts.findUnconfirmedExpiredBefore(expiredBefore, BATCH)) {
				closed += close(unconfirmed.id(), (account, context) -> CredentialChanges.closeUnconfirmed(account,
						expiredBefore, context.origin(), context.now())) ? 1 : 0;
			}
		}
		catch (RuntimeException ex) {
			// the next sweep retries
			log.warn("Closing unverified identities interrupted: {}", ex.getClass().getSimpleName());
		}
		return closed;
	}

	/**
	 * A registration awaiting confirmation that raced a claim of its address (stored
	 * after the claim superseded the others): superseded as soon as it is seen.
	 */
	void supersedeIfClaimed(String email, AccountId registered) {
		if (this.accounts.findBySignInEmail(email).filter((owner) -> !owner.id().equals(registered)).isPresent()) {
			supersede(registered);
		}
	}

	/**
	 * Supersedes the identity, then gives back its service accounts, so that each can be
	 * linked to the owner's identity.
	 */
	private void supersede(AccountId id) {
		close(id, (account, context) -> CredentialChanges.supersede(account, context.origin(), context.now()));
	}

	/** Closes the identity as decided, then gives back its service accounts. */
	private boolean close(AccountId id, AccountUpdates.Decision decision) {
		Outcome<Account> closed = this.updates.applyAs(HUB, id, decision);
		if (closed instanceof Outcome.Done<Account> done && done.value().status() == AccountStatus.CLOSED) {
			done.value().links().forEach((link) -> this.claims.release(link.serviceId(), link.serviceAccountId(), id));
			return true;
		}
		return false;
	}

}
