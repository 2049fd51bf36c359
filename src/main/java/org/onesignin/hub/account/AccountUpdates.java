package org.onesignin.hub.account;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.onesignin.hub.access.AccessRequest;
import org.onesignin.hub.access.Visibility;
import org.onesignin.hub.shared.ChangeOrigin;
import org.onesignin.hub.shared.Outcome;
import org.onesignin.hub.shared.Rejection;
import org.onesignin.hub.shared.UserErrorCode;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The one write path for accounts: a use case supplies only its decision, this does the
 * rest.
 *
 * <p>
 * In order: admit the request through the {@link AccountGate} (policy, input, ticket,
 * target), load the account as the caller sees it, let the aggregate decide, write the
 * change with its outbox in one conditional single-document update, decide again on a
 * version conflict, announce the outbox to the relay, log the access, and answer with the
 * caller's view.
 */
@Component
public class AccountUpdates {

	private static final int MAX_ATTEMPTS = 5;

	private static final Logger log = LoggerFactory.getLogger(AccountUpdates.class);

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
		return apply(request, List.of(), decision);
	}

	/**
	 * Applies the decision, refusing first (after authorisation, before anything else)
	 * the problems already found in the request's input.
	 */
	public Outcome<AccountView> apply(AccessRequest request, List<Rejection> inputProblems, Decision decision) {
		Outcome<AccountId> admitted = this.gate.admit(request, inputProblems);
		if (!(admitted instanceof Outcome.Done<AccountId> target)) {
			return Outcome.rejected(admitted.rejections());
		}
		AccessRequest logged = (request.touches() != null) ? request : request.touching(List.of());
		Account decidedOn = null;
		for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
			Optional<AccountGate.Visible> visible = this.gate.visible(logged, target.value());
			if (visible.isEmpty()) {
				return notWritten(decision, decidedOn, Outcome.rejected(AccountGate.notFound(logged)));
			}
			decidedOn = visible.get().account();
			Context context = new Context(visible.get().visibility(), logged.origin(), this.clock.instant());
			Outcome<AccountChange> decided = decision.decide(decidedOn, context);
			if (!(decided instanceof Outcome.Done<AccountChange> change)) {
				return notWritten(decision, decidedOn, Outcome.rejected(decided.rejections()));
			}
			Optional<Outcome<Account>> written = write(decidedOn, change.value());
			if (written.isPresent()) {
				if (!(written.get() instanceof Outcome.Done<Account> after)) {
					return notWritten(decision, decidedOn, Outcome.rejected(written.get().rejections()));
				}
				this.gate.logIfNotOwner(logged, visible.get());
				return Outcome.done(visible.get().viewOf(after.value()));
			}
		}
		notWritten(decision, decidedOn, null);
		throw new IllegalStateException("Too much contention on an account");
	}

	/**
	 * Applies a decision that no signed-in caller makes: the owner proving a mailed link,
	 * or the hub itself (an identity superseded by its address's owner). Nobody's access
	 * is logged; the rest of the write path is the same.
	 */
	Outcome<Account> applyAs(ChangeOrigin origin, AccountId id, Decision decision) {
		for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
			Account account = this.accounts.findById(id).orElse(null);
			if (account == null) {
				return Outcome.rejected(Rejection.of(UserErrorCode.NOT_FOUND, "No account with that id"));
			}
			Context context = new Context(null, origin, this.clock.instant());
			Outcome<AccountChange> decided = decision.decide(account, context);
			if (!(decided instanceof Outcome.Done<AccountChange> change)) {
				return Outcome.rejected(decided.rejections());
			}
			Optional<Outcome<Account>> written = write(account, change.value());
			if (written.isPresent()) {
				return written.get();
			}
		}
		throw new IllegalStateException("Too much contention on an account");
	}

	/**
	 * Lets the decision give back what it reserved, on the paths where the change is
	 * surely not written (after an error the store may have written it: nothing is given
	 * back then, which keeps a service account from ending up on two identities).
	 */
	private static <T> T notWritten(Decision decision, Account decidedOn, T answer) {
		if (decidedOn != null) {
			try {
				decision.abandon(decidedOn);
			}
			catch (RuntimeException ex) {
				// the refusal still reaches the caller; what stays reserved is only held
				log.warn("Could not give back what a refused change reserved: {}", ex.getClass().getSimpleName());
			}
		}
		return answer;
	}

	/**
	 * Creates a new identity: the request is authorised first, then the use case prepares
	 * the account (validated, its service account claimed); it is stored with the events
	 * of its creation, and the answer is the registering caller's view. EMAIL_TAKEN when
	 * the address already has an identity (the use case then abandons what it claimed).
	 */
	public Outcome<AccountView> create(AccessRequest request, Creation creation) {
		this.gate.policy().authorize(request);
		Outcome<Account.NewAccount> prepared = creation.prepare(request.origin(), this.clock.instant());
		if (!(prepared instanceof Outcome.Done<Account.NewAccount> created)) {
			return Outcome.rejected(prepared.rejections());
		}
		Account account = created.value().account();
		if (!this.accounts.insert(account, created.value().events(), created.value().mails())) {
			creation.abandon(account);
			return Outcome.rejected(emailTaken("email"));
		}
		this.events.publishEvent(ServiceChangesWritten.inAccount(account.id()));
		if (!created.value().mails().isEmpty()) {
			this.events.publishEvent(new MailsWritten(account.id()));
		}
		// the registering service sees only what it is entitled to, like any later read
		Visibility visibility = this.gate.policy().visibility(request.caller(), account).orElseThrow();
		return Outcome.done(AccountView.of(account, visibility));
	}

	/**
	 * The written account, a refusal, or empty when the account moved on meanwhile
	 * (decide again).
	 */
	private Optional<Outcome<Account>> write(Account account, AccountChange change) {
		if (change.isEmpty()) {
			return Optional.of(Outcome.done(account));
		}
		Accounts.Written written = this.accounts.apply(change);
		Accounts.WriteResult result = written.result();
		if (result == Accounts.WriteResult.VERSION_CONFLICT) {
			return Optional.empty();
		}
		if (result == Accounts.WriteResult.EMAIL_TAKEN) {
			// the unique index decides (only a new sign-in email can meet it)
			return Optional.of(Outcome.rejected(emailTaken("newEmail")));
		}
		this.events.publishEvent(ServiceChangesWritten.inAccount(account.id()));
		if (!change.mails().isEmpty()) {
			this.events.publishEvent(new MailsWritten(account.id()));
		}
		if (change.newStatus() == AccountStatus.CLOSED) {
			this.events.publishEvent(new AccountClosed(account.id()));
		}
		else if (change.newPassword() != null) {
			this.events.publishEvent(new PasswordChanged(account.id()));
		}
		return Optional.of(Outcome.done(written.account()));
	}

	static Rejection emailTaken(String field) {
		return Rejection.onField(UserErrorCode.EMAIL_TAKEN, field, "This email address already has a One Sign In");
	}

	/**
	 * What a decision knows besides the account: what the caller sees, who acts, when.
	 */
	public record Context(Visibility visibility, ChangeOrigin origin, Instant now) {
	}

	/** What a use case supplies: the change to write, or the refusal. */
	@FunctionalInterface
	public interface Decision {

		Outcome<AccountChange> decide(Account account, Context context);

		/**
		 * Gives back what {@link #decide} reserved outside the account when the change is
		 * surely not written (refused, the account gone meanwhile, too much contention).
		 */
		default void abandon(Account account) {
		}

	}

	/** What a use case supplies to create an identity. */
	public interface Creation {

		/** The new account and its events, or the refusal. */
		Outcome<Account.NewAccount> prepare(ChangeOrigin origin, Instant now);

		/** Undoes what {@link #prepare} reserved when the account could not be stored. */
		void abandon(Account account);

	}

}
