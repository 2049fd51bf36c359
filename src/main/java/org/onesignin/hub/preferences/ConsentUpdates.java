package org.onesignin.hub.preferences;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.onesignin.hub.access.AccessRequest;
import org.onesignin.hub.access.Scope;
import org.onesignin.hub.account.Account;
import org.onesignin.hub.account.AccountGate;
import org.onesignin.hub.account.AccountId;
import org.onesignin.hub.account.ServiceChangesWritten;
import org.onesignin.hub.account.ServiceChange;
import org.onesignin.hub.registry.RegistryManagement;
import org.onesignin.hub.shared.Outcome;
import org.onesignin.hub.shared.Rejection;
import org.onesignin.hub.shared.UserErrorCode;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The one write path for consent ledgers, sharing the accounts' gate (policy, target,
 * ticket, scope, access log): load the ledger, let the preferences decide, append the
 * record with its events in one conditional single-document update, decide again when the
 * ledger moved on, hand the events to the relay, and answer with the caller's view. A
 * one-click unsubscribe, whose proof is a signed link rather than a caller, takes the
 * same loop without the gate.
 */
@Component
public class ConsentUpdates {

	private static final int MAX_ATTEMPTS = 5;

	private final AccountGate gate;

	private final ConsentLedgers ledgers;

	private final RegistryManagement registry;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	ConsentUpdates(AccountGate gate, ConsentLedgers ledgers, RegistryManagement registry,
			ApplicationEventPublisher events, Clock clock) {
		this.gate = gate;
		this.ledgers = ledgers;
		this.registry = registry;
		this.events = events;
		this.clock = clock;
	}

	/** Applies the decision to the consent ledger of the account the request acts on. */
	public Outcome<PreferencesView> apply(AccessRequest request, Decision decision) {
		Outcome<AccountId> admitted = this.gate.admit(request);
		if (!(admitted instanceof Outcome.Done<AccountId> target)) {
			return Outcome.rejected(admitted.rejections());
		}
		for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
			Optional<AccountGate.Visible> visible = this.gate.visible(request, target.value());
			if (visible.isEmpty()) {
				return Outcome
					.rejected(Rejection.onField(UserErrorCode.NOT_FOUND, "accountId", "No account with that id"));
			}
			Optional<Outcome<List<ConsentRecord>>> written = attempt(visible.get().account(), visible.get().scope(),
					decision);
			if (written.isPresent()) {
				if (written.get() instanceof Outcome.Done<List<ConsentRecord>> records) {
					this.gate.logIfNotOwner(request, visible.get());
					// the answer to a change is not a second, separately logged read
					return Outcome.done(PreferencesView.of(visible.get().account(), visible.get().scope(),
							request.caller().actingCompanyId(), records.value(), this.registry.registry(), today()));
				}
				return Outcome.rejected(written.get().rejections());
			}
		}
		throw new IllegalStateException("Too much contention on a consent ledger");
	}

	/**
	 * Applies a change proven by a signed link instead of a caller (one-click
	 * unsubscribe): the account is the link's, nobody's view is answered.
	 */
	public Outcome<Void> applyByLink(Account account, Decision decision) {
		for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
			Optional<Outcome<List<ConsentRecord>>> written = attempt(account, null, decision);
			if (written.isPresent()) {
				return written.get().map((records) -> null);
			}
		}
		throw new IllegalStateException("Too much contention on a consent ledger");
	}

	/** The records after the change, a refusal, or empty when the ledger moved on. */
	private Optional<Outcome<List<ConsentRecord>>> attempt(Account account, Scope scope, Decision decision) {
		ConsentLedgers.Ledger ledger = this.ledgers.load(account.id().value());
		MarketingPreferences preferences = new MarketingPreferences(account.id().value(), ledger.records());
		Outcome<Optional<ConsentRecord>> decided = decision.decide(new Target(account, scope, preferences),
				this.clock.instant(), today());
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
		this.events.publishEvent(ServiceChangesWritten.in(this.ledgers, account.id().value()));
		return Optional.of(Outcome.done(this.ledgers.load(account.id().value()).records()));
	}

	private LocalDate today() {
		return LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC);
	}

	/** The account whose consent changes, what the caller sees of it, its preferences. */
	public record Target(Account account, Scope scope, MarketingPreferences preferences) {

		public boolean isOwner() {
			return this.scope != null && this.scope.isOwner();
		}

	}

	/**
	 * What a use case supplies: the record to append (none: nothing changes) or the
	 * refusal.
	 */
	@FunctionalInterface
	public interface Decision {

		Outcome<Optional<ConsentRecord>> decide(Target target, Instant now, LocalDate today);

	}

}
