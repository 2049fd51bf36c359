package org.onesignin.hub.account;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.onesignin.hub.access.AccessPolicy;
import org.onesignin.hub.access.AccessRequest;
import org.onesignin.hub.access.Visibility;
import org.onesignin.hub.audit.AccessLog;
import org.onesignin.hub.audit.AccessLogEntry;
import org.onesignin.hub.shared.AccountNotFoundException;
import org.onesignin.hub.shared.BadRequestException;
import org.onesignin.hub.shared.BasicDetailField;
import org.onesignin.hub.shared.Caller;
import org.onesignin.hub.shared.Outcome;
import org.onesignin.hub.shared.Rejection;
import org.onesignin.hub.shared.UserErrorCode;
import org.springframework.stereotype.Component;

/**
 * The way in to an account for every read and change: the access policy decides whether
 * the request may go ahead, which account it acts on, whether it names a ticket, and what
 * the caller sees of the account; reads and changes by someone other than the person are
 * written to the access log, once per request for each access however often the request
 * repeats it. Read paths and write paths all pass here, so no use case can forget one of
 * these steps.
 */
@Component
public class AccountGate {

	private final AccessPolicy policy;

	private final Accounts accounts;

	private final AccessLog accessLog;

	private final Clock clock;

	AccountGate(AccessPolicy policy, Accounts accounts, AccessLog accessLog, Clock clock) {
		this.policy = policy;
		this.accounts = accounts;
		this.accessLog = accessLog;
		this.clock = clock;
	}

	/**
	 * Admits a change: FORBIDDEN when the caller may never do it; otherwise, in this
	 * order, a refusal of the input, of a missing ticket, or of an account out of reach,
	 * or the account the change acts on.
	 */
	public Outcome<AccountId> admit(AccessRequest request, List<Rejection> inputProblems) {
		this.policy.authorize(request);
		if (!inputProblems.isEmpty()) {
			return Outcome.rejected(inputProblems);
		}
		Optional<Rejection> ticket = ticketProblem(request);
		if (ticket.isPresent()) {
			return Outcome.rejected(ticket.get());
		}
		return this.policy.target(request)
			.map((id) -> Outcome.done(new AccountId(id)))
			.orElseGet(() -> Outcome.rejected(notFound(request)));
	}

	/**
	 * Admits a read: FORBIDDEN when the caller may never do it, BAD_REQUEST without a
	 * ticket where one is needed, NOT_FOUND when no account is in reach.
	 */
	public AccountId admitRead(AccessRequest request) {
		admitQuery(request);
		return this.policy.target(request).map(AccountId::new).orElseThrow(AccountNotFoundException::new);
	}

	/**
	 * Admits a query that names no account (a search): FORBIDDEN when the caller may
	 * never do it, BAD_REQUEST without a ticket where one is needed.
	 */
	public void admitQuery(AccessRequest request) {
		this.policy.authorize(request);
		// a query has no payload for errors: the same refusal is a request-level one
		ticketProblem(request).ifPresent((problem) -> {
			throw new BadRequestException(problem.message());
		});
	}

	/**
	 * The ticket rule: a support agent names one where it is needed, of a bounded length.
	 */
	private Optional<Rejection> ticketProblem(AccessRequest request) {
		if (this.policy.needsTicket(request) && !request.hasTicket()) {
			return Optional.of(Rejection.invalid("ticket", "Support agents name the ticket they act for"));
		}
		if (request.ticket() != null && request.ticket().length() > AccessRequest.MAX_TICKET_LENGTH) {
			return Optional.of(Rejection.invalid("ticket",
					"A ticket is at most " + AccessRequest.MAX_TICKET_LENGTH + " characters"));
		}
		return Optional.empty();
	}

	/**
	 * The account as the request's caller may see it, or empty (absent, out of
	 * visibility, or not active for an operation that needs an active identity, alike).
	 */
	public Optional<Visible> visible(AccessRequest request, AccountId id) {
		return this.accounts.findById(id).flatMap((account) -> visibleAs(request, account));
	}

	/** An account already loaded, as the request's caller may see it, or empty. */
	Optional<Visible> visibleAs(AccessRequest request, Account account) {
		if (!account.isActive() && request.operation().needsActiveAccount()) {
			return Optional.empty();
		}
		return this.policy.visibility(request.caller(), account).map((visibility) -> new Visible(account, visibility));
	}

	/**
	 * Reads an account for the request and logs the read; NOT_FOUND when out of reach.
	 */
	public Visible read(AccessRequest request) {
		AccountId id = admitRead(request);
		Visible visible = visible(request, id).orElseThrow(AccountNotFoundException::new);
		logIfNotOwner(request, visible);
		return visible;
	}

	/**
	 * Writes the access-log entry of a read or change by someone other than the person.
	 * What it touched is the request's, or for a read the fields the caller saw.
	 */
	public void logIfNotOwner(AccessRequest request, Visible visible) {
		logIfNotOwner(request, List.of(visible));
	}

	/** {@link #logIfNotOwner(AccessRequest, Visible)} for many accounts, in one write. */
	public void logIfNotOwner(AccessRequest request, List<Visible> visibles) {
		List<AccessLogEntry> entries = visibles.stream()
			.filter((visible) -> visible.visibility().isLogged())
			.map((visible) -> entry(request, visible.account().id(),
					(request.touches() == null)
							? visible.visibility().fields().stream().map(BasicDetailField::fieldName).toList()
							: request.touches()))
			.filter(java.util.Objects::nonNull)
			.toList();
		if (!entries.isEmpty()) {
			this.accessLog.appendAll(entries);
		}
	}

	/**
	 * Rule 7's gate reads an account a partner or support agent is or was linked to
	 * (logged); NOT_FOUND for anyone else's, and for an erased identity.
	 */
	public Account readForContactPermission(AccessRequest request) {
		AccountId id = admitRead(request);
		Account account = this.accounts.findById(id)
			.filter((found) -> found.status() != AccountStatus.ERASED)
			.filter((found) -> this.policy.answersContactPermission(request.caller(), found, request.companyId()))
			.orElseThrow(AccountNotFoundException::new);
		log(request, id, (request.touches() != null) ? request.touches() : List.of());
		return account;
	}

	private void log(AccessRequest request, AccountId accountId, List<String> touched) {
		AccessLogEntry entry = entry(request, accountId, touched);
		if (entry != null) {
			this.accessLog.append(entry);
		}
	}

	/**
	 * The request's entry for the account, or null for an operation that is not logged.
	 */
	private AccessLogEntry entry(AccessRequest request, AccountId accountId, List<String> touched) {
		String action = request.operation().auditAction();
		if (action == null) {
			return null;
		}
		Caller caller = request.caller();
		// one entry per access and request: an alias or a nested field reading the same
		// account again in the same request writes nothing more
		return AccessLogEntry.inRequest(caller.requestId(), accountId.value(), caller.kind(), caller.subject(),
				caller.actingCompanyId(), caller.serviceId(), action, touched, request.ticket(), this.clock.instant());
	}

	public AccessPolicy policy() {
		return this.policy;
	}

	/**
	 * NOT_FOUND, on the {@code accountId} input when the request named one (or had to),
	 * exactly like an absent account.
	 */
	public static Rejection notFound(AccessRequest request) {
		boolean named = request.accountId() != null || !request.role().isPerson();
		return named ? Rejection.onField(UserErrorCode.NOT_FOUND, "accountId", "No account with that id")
				: Rejection.of(UserErrorCode.NOT_FOUND, "No account with that id");
	}

	/** An account and what the caller sees of it. */
	public record Visible(Account account, Visibility visibility) {

		public AccountView view() {
			return AccountView.of(this.account, this.visibility);
		}

		/** The caller's view of the account as it is after a change the caller made. */
		public AccountView viewOf(Account after) {
			return AccountView.of(after, this.visibility);
		}

	}

}
