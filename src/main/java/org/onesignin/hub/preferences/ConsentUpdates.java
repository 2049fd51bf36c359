package org.onesignin.hub.preferences;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.onesignin.hub.access.AccessRequest;
import org.onesignin.hub.access.CallerRole;
import org.onesignin.hub.access.Visibility;
import org.onesignin.hub.account.Account;
import org.onesignin.hub.account.AccountGate;
import org.onesignin.hub.account.AccountId;
import org.onesignin.hub.account.AccountStatus;
import org.onesignin.hub.account.Accounts;
import org.onesignin.hub.account.ServiceChange;
import org.onesignin.hub.account.ServiceChangesWritten;
import org.onesignin.hub.registry.Company;
import org.onesignin.hub.registry.RegistryManagement;
import org.onesignin.hub.shared.ChangeOrigin;
import org.onesignin.hub.shared.Outcome;
import org.onesignin.hub.shared.Rejection;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The one write path for consent ledgers, sharing the accounts' {@link AccountGate}.
 *
 * <p>
 * In order: admit the request (policy, ticket, target), load the account as the caller
 * sees it and its ledger, let the preferences decide, append the record with its events
 * as the ledger's next change in one single-document insert, decide again when the ledger
 * moved on, announce the outbox to the relay, log the access, and answer with the
 * caller's view. A one-click unsubscribe, whose proof is a signed link rather than a
 * caller, takes the same loop without the gate.
 */
@Component
public class ConsentUpdates {

	private static final int MAX_ATTEMPTS = 5;

	private final AccountGate gate;

	private final Accounts accounts;

	private final ConsentLedgers ledgers;

	private final RegistryManagement registry;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	ConsentUpdates(AccountGate gate, Accounts accounts, ConsentLedgers ledgers, RegistryManagement registry,
			ApplicationEventPublisher events, Clock clock) {
		this.gate = gate;
		this.accounts = accounts;
		this.ledgers = ledgers;
		this.registry = registry;
		this.events = events;
		this.clock = clock;
	}

	/** Applies the decision to the consent ledger of the account the request acts on. */
	public Outcome<PreferencesView> apply(AccessRequest request, Decision decision) {
		return apply(request, List.of(), decision);
	}

	/**
	 * Applies the decision, refusing first (after authorisation, before anything else)
	 * the problems already found in the request's input.
	 */
	public Outcome<PreferencesView> apply(AccessRequest request, List<Rejection> inputProblems, Decision decision) {
		Outcome<AccountId> admitted = this.gate.admit(request, inputProblems);
		if (!(admitted instanceof Outcome.Done<AccountId> target)) {
			return Outcome.rejected(admitted.rejections());
		}
		ConsentSource source = ConsentSource.of(CallerRole.of(request.caller()));
		return retry(() -> {
			Optional<AccountGate.Visible> visible = this.gate.visible(request, target.value());
			if (visible.isEmpty()) {
				return Optional.of(Outcome.rejected(AccountGate.notFound(request)));
			}
			Account account = visible.get().account();
			return attempt(account, visible.get().visibility(), request.origin(), source, decision)
				.map((written) -> written.map((records) -> {
					this.gate.logIfNotOwner(request, visible.get());
					// the answer to a change is not a second, separately logged read
					return PreferencesView.of(account, visible.get().visibility(), request.caller().actingCompanyId(),
							records, this.registry.registry(), today());
				}));
		});
	}

	/**
	 * Applies a change proven by a signed link instead of a caller (one-click
	 * unsubscribe) to the link's account; nothing to do once the identity is gone.
	 */
	public Outcome<Void> applyByLink(String accountId, ChangeOrigin origin, Decision decision) {
		return retry(() -> {
			Account account = this.accounts.findById(new AccountId(accountId))
				.filter((found) -> found.status() != AccountStatus.ERASED)
				.orElse(null);
			if (account == null) {
				return Optional.of(Outcome.done(null));
			}
			return attempt(account, null, origin, ConsentSource.UNSUBSCRIBE_LINK, decision)
				.map((written) -> written.map((records) -> null));
		});
	}

	/**
	 * Runs an attempt until it has an outcome (empty: the ledger moved on, decide again).
	 */
	private static <T> Outcome<T> retry(Supplier<Optional<Outcome<T>>> attempt) {
		for (int count = 0; count < MAX_ATTEMPTS; count++) {
			Optional<Outcome<T>> outcome = attempt.get();
			if (outcome.isPresent()) {
				return outcome.get();
			}
		}
		throw new IllegalStateException("Too much contention on a consent ledger");
	}

	/** The records after the change, a refusal, or empty when the ledger moved on. */
	private Optional<Outcome<List<ConsentRecord>>> attempt(Account account, Visibility visibility, ChangeOrigin origin,
			ConsentSource source, Decision decision) {
		ConsentLedgers.Ledger ledger = this.ledgers.load(account.id().value());
		Target target = new Target(account, visibility,
				new MarketingPreferences(account.id().value(), ledger.records()), origin, source, this.clock.instant(),
				today());
		Outcome<Optional<ConsentRecord>> decided = decision.decide(target);
		if (!(decided instanceof Outcome.Done<Optional<ConsentRecord>> record)) {
			return Optional.of(Outcome.rejected(decided.rejections()));
		}
		if (record.value().isEmpty()) {
			return Optional.of(Outcome.done(ledger.records()));
		}
		List<ServiceChange> events = ConsentEvents.of(account, ledger.records(), record.value().get(),
				this.registry.registry());
		if (!this.ledgers.append(account.id().value(), ledger.version(), List.of(record.value().get()), events)) {
			return Optional.empty();
		}
		this.events.publishEvent(ServiceChangesWritten.in(ConsentLedgers.OUTBOX, account.id().value()));
		return Optional.of(Outcome.done(this.ledgers.load(account.id().value()).records()));
	}

	private LocalDate today() {
		return LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC);
	}

	/**
	 * What a decision knows: the account and what the caller sees of it (none for a
	 * signed link), its preferences, who acts, through what, and when.
	 */
	public record Target(Account account, Visibility visibility, MarketingPreferences preferences, ChangeOrigin origin,
			ConsentSource source, Instant now, LocalDate today) {

		/** The person on the account pages, who may add email addresses of their own. */
		public boolean isOwner() {
			return this.visibility != null && this.visibility.isOwner();
		}

		/** The requested change, recorded as made by this caller now. */
		public ConsentChange change(Company company, ConsentState state, String policyVersion) {
			return new ConsentChange(company, state, policyVersion, this.origin, this.source, this.now);
		}

	}

	/**
	 * What a use case supplies: the record to append (none: nothing changes) or the
	 * refusal.
	 */
	@FunctionalInterface
	public interface Decision {

		Outcome<Optional<ConsentRecord>> decide(Target target);

	}

}
