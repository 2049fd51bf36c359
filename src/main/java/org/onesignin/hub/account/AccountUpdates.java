package org.onesignin.hub.account;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.onesignin.hub.access.AccessRequest;
import org.onesignin.hub.access.Scope;
import org.onesignin.hub.shared.Outcome;
import org.onesignin.hub.shared.Rejection;
import org.onesignin.hub.shared.UserErrorCode;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The one write path for accounts. A use case supplies only its decision; this owns the
 * rest: admit the request through the {@link AccountGate} (policy, target, ticket), load
 * the account in the caller's scope, let the aggregate decide, write the change with its
 * outbox in one conditional single-document update, decide again on a version conflict,
 * hand the outbox to the relay, log the access, and answer with the caller's view.
 */
@Component
public class AccountUpdates {

	private static final int MAX_ATTEMPTS = 5;

	private final AccountGate gate;

	private final Accounts accounts;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	AccountUpdates(AccountGate gate, Accounts accounts, ApplicationEventPublisher events, Clock clock) {
		this.gate = gate;
		this.accounts = accounts;
		this.events = events;
		this.clock = clock;
	}

	/** Applies the decision to the account the request acts on. */
	public Outcome<AccountView> apply(AccessRequest request, Decision decision) {
		Outcome<AccountId> admitted = this.gate.admit(request);
		if (!(admitted instanceof Outcome.Done<AccountId> target)) {
			return Outcome.rejected(admitted.rejections());
		}
		for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
			Optional<AccountGate.Visible> visible = this.gate.visible(request, target.value());
			if (visible.isEmpty()) {
				return Outcome.rejected(AccountGate.notFound());
			}
			Account account = visible.get().account();
			Outcome<AccountChange> decided = decision.decide(account, visible.get().scope(), this.clock.instant());
			if (!(decided instanceof Outcome.Done<AccountChange> change)) {
				return Outcome.rejected(decided.rejections());
			}
			Optional<Outcome<Account>> written = write(account, change.value());
			if (written.isPresent()) {
				if (written.get() instanceof Outcome.Done<Account> after) {
					this.gate.logIfNotOwner(request, visible.get());
					return Outcome.done(visible.get().viewOf(after.value()));
				}
				return Outcome.rejected(written.get().rejections());
			}
		}
		throw new IllegalStateException("Too much contention on an account");
	}

	/**
	 * Creates a new identity: the request is authorised first, then the use case prepares
	 * the account (validated, its service account claimed); it is stored with the events
	 * of its creation, and the answer is the registering caller's view. EMAIL_TAKEN when
	 * the address already has an identity (the use case then abandons what it claimed).
	 */
	public Outcome<AccountView> create(AccessRequest request, Creation creation) {
		this.gate.policy().authorize(request);
		Outcome<Account.NewAccount> prepared = creation.prepare(this.clock.instant());
		if (!(prepared instanceof Outcome.Done<Account.NewAccount> created)) {
			return Outcome.rejected(prepared.rejections());
		}
		Account account = created.value().account();
		if (!this.accounts.insert(account, created.value().events())) {
			creation.abandon(account);
			return Outcome.rejected(emailTaken("email"));
		}
		this.events.publishEvent(ServiceChangesWritten.inAccount(account.id()));
		// the registering service sees only what it is entitled to, like any later read
		Scope scope = this.gate.policy().scope(request.caller(), account).orElseThrow();
		return Outcome.done(AccountView.of(account, scope));
	}

	/**
	 * The written account, a refusal, or empty when the account moved on meanwhile
	 * (decide again).
	 */
	private Optional<Outcome<Account>> write(Account account, AccountChange change) {
		if (change.isEmpty()) {
			return Optional.of(Outcome.done(account));
		}
		Accounts.WriteResult result = this.accounts.apply(change);
		if (result == Accounts.WriteResult.VERSION_CONFLICT) {
			return Optional.empty();
		}
		if (result == Accounts.WriteResult.EMAIL_TAKEN) {
			// the unique index decides, not a prior read;
			// only a new sign-in email can meet it
			return Optional.of(Outcome.rejected(emailTaken("newEmail")));
		}
		this.events.publishEvent(ServiceChangesWritten.inAccount(account.id()));
		return Optional.of(Outcome.done(this.accounts.findById(account.id()).orElseThrow()));
	}

	static Rejection emailTaken(String field) {
		return Rejection.onField(UserErrorCode.EMAIL_TAKEN, field, "This email address already has a One Sign In");
	}

	/**
	 * What a use case supplies: given the account as loaded, what the caller sees of it
	 * and the time, the change to write or the refusal.
	 */
	@FunctionalInterface
	public interface Decision {

		Outcome<AccountChange> decide(Account account, Scope scope, Instant now);

	}

	/** What a use case supplies to create an identity. */
	public interface Creation {

		/** The new account and its events, or the refusal. */
		Outcome<Account.NewAccount> prepare(Instant now);

		/** Undoes what {@link #prepare} reserved when the account could not be stored. */
		void abandon(Account account);

	}

}
