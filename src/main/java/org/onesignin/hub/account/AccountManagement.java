package org.onesignin.hub.account;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.onesignin.hub.audit.AccessLog;
import org.onesignin.hub.audit.AccessLogEntry;
import org.onesignin.hub.registry.RegistryManagement;
import org.onesignin.hub.registry.Service;
import org.onesignin.hub.shared.AccountNotFoundException;
import org.onesignin.hub.shared.BasicDetailField;
import org.onesignin.hub.shared.Caller;
import org.onesignin.hub.shared.CallerKind;
import org.onesignin.hub.shared.ChangeOrigin;
import org.onesignin.hub.shared.Outcome;
import org.onesignin.hub.shared.Rejection;
import org.onesignin.hub.shared.UserErrorCode;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Window;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Application service for One Sign In identities: registration through a service, reading
 * an account within the caller's scope, changing basic details and the sign-in email, and
 * linking service accounts with proof that the person controls the identity.
 */
@org.springframework.stereotype.Service
@PreAuthorize("isAuthenticated()")
public class AccountManagement {

	private static final int MAX_ATTEMPTS = 5;

	private final Accounts accounts;

	private final ServiceAccountClaims claims;

	private final ChangeHistory history;

	private final RegistryManagement registry;

	private final PasswordEncoder passwords;

	private final AccessLog accessLog;

	private final OutboxRelay relay;

	private final Clock clock;

	private final BasicDetailsValidation validation;

	AccountManagement(Accounts accounts, ServiceAccountClaims claims, ChangeHistory history,
			RegistryManagement registry, PasswordEncoder passwords, AccessLog accessLog, OutboxRelay relay,
			Clock clock) {
		this.accounts = accounts;
		this.claims = claims;
		this.history = history;
		this.registry = registry;
		this.passwords = passwords;
		this.accessLog = accessLog;
		this.relay = relay;
		this.clock = clock;
		this.validation = new BasicDetailsValidation(clock);
	}

	/**
	 * Creates the identity of a person signing up on the calling partner service, linked
	 * to that service's account. Only a partner service (client credentials) may do this.
	 */
	public Outcome<Account> register(Caller caller, RegisterAccountCommand command) {
		Service service = requirePartnerService(caller);
		List<Rejection> rejections = new ArrayList<>();
		Outcome<String> email = BasicDetailsValidation.email(command.email(), "email");
		rejections.addAll(email.rejections());
		PasswordPolicy.check(command.password(), command.email()).ifPresent(rejections::add);
		if (command.serviceAccountId() == null || command.serviceAccountId().isBlank()
				|| command.serviceAccountId().length() > 200) {
			rejections.add(Rejection.invalid("serviceAccountId", "Must be 1 to 200 characters"));
		}
		if (command.details().touches(BasicDetailField.EMAIL)) {
			rejections.add(Rejection.invalid("basicDetails.email", "Set the sign-in email with the email field"));
		}
		Outcome<BasicDetails> details = this.validation.apply(BasicDetails.EMPTY, command.details(), "basicDetails.");
		rejections.addAll(details.rejections());
		if (!rejections.isEmpty()) {
			return Outcome.rejected(rejections);
		}
		if (this.accounts.findBySignInEmail(email.valueOrNull()).isPresent()) {
			return Outcome.rejected(emailTaken("email"));
		}
		AccountId id = AccountId.generate();
		AccountId holder = this.claims.claim(service.id(), command.serviceAccountId(), id);
		if (!holder.equals(id)) {
			return Outcome.rejected(alreadyLinkedElsewhere("serviceAccountId"));
		}
		Account.NewAccount created = Account.register(id, this.passwords.encode(command.password()),
				details.valueOrNull().with(BasicDetailField.EMAIL, email.valueOrNull()), service,
				command.serviceAccountId(), ChangeOrigin.of(caller, null), now());
		if (!this.accounts.insert(created.account(), created.events())) {
			this.claims.release(service.id(), command.serviceAccountId(), id);
			return Outcome.rejected(emailTaken("email"));
		}
		this.relay.relay(id);
		// the registering service sees only what it is entitled to, like any later read
		return Outcome.done(AccountAccess.of(caller, created.account(), this.registry.registry())
			.map((access) -> access.view(created.account()))
			.orElseThrow());
	}

	/** The caller's own account, or empty for a caller that is not an account owner. */
	public Optional<Account> me(Caller caller) {
		if (caller.kind() != CallerKind.USER) {
			return Optional.empty();
		}
		// an erased identity has nothing left to show; through a partner's own sign-in
		// the
		// person sees what that service sees
		return this.accounts.findById(new AccountId(caller.subject()))
			.filter((account) -> account.status() != AccountStatus.ERASED)
			.flatMap((account) -> AccountAccess.of(caller, account, this.registry.registry())
				.map((access) -> access.view(account)));
	}

	/**
	 * An account as the caller may see it; support reads need a ticket and every read by
	 * someone other than the owner is written to the access log.
	 */
	public Account account(Caller caller, String id, String ticket) {
		if (caller.kind() == CallerKind.SUPPORT_AGENT && (ticket == null || ticket.isBlank())) {
			throw new TicketRequiredException();
		}
		Account account = this.accounts.findById(new AccountId(id)).orElseThrow(AccountNotFoundException::new);
		AccountAccess access = AccountAccess.of(caller, account, this.registry.registry())
			.orElseThrow(AccountNotFoundException::new);
		if (access.isLogged()) {
			logAccess(caller, account.id(), "READ", access.fields().stream().map(BasicDetailField::fieldName).toList(),
					ticket);
		}
		return access.view(account);
	}

	/**
	 * Changes basic details (partial: absent fields stay, null clears) based on the
	 * revision the caller read. Owner, support agent with a ticket, or a linked partner
	 * for its entitled fields only.
	 */
	public Outcome<Account> updateBasicDetails(Caller caller, String accountId, int expectedRevision,
			DetailsPatch patch, String ticket) {
		if (patch.touches(BasicDetailField.EMAIL)) {
			return Outcome.rejected(Rejection.invalid("email", "Change the sign-in email with changeSignInEmail"));
		}
		return change(caller, accountId, expectedRevision, patch, ticket);
	}

	/**
	 * Changes the sign-in email (unique across identities); it propagates like any basic
	 * detail.
	 */
	public Outcome<Account> changeSignInEmail(Caller caller, String accountId, int expectedRevision, String newEmail,
			String ticket) {
		if (caller.kind() == CallerKind.PARTNER_SERVICE
				|| (caller.kind() == CallerKind.USER && !caller.accountPages())) {
			throw new AccessDeniedException("The sign-in email changes on the account pages or through support");
		}
		java.util.Map<BasicDetailField, Object> values = new java.util.EnumMap<>(BasicDetailField.class);
		Outcome<String> email = BasicDetailsValidation.email(newEmail, "newEmail");
		if (email instanceof Outcome.Rejected<String> rejected) {
			return Outcome.rejected(rejected.rejections());
		}
		values.put(BasicDetailField.EMAIL, email.valueOrNull());
		return change(caller, accountId, expectedRevision, new DetailsPatch(values), ticket);
	}

	/**
	 * Links a service account to the caller's identity. Proof of control: the request
	 * must carry the person's own token obtained through a client of that very service;
	 * never a partner's client-credentials token, never a match on email.
	 */
	public Outcome<Account> linkServiceAccount(Caller caller, String serviceId, String serviceAccountId) {
		// the service account id is the service's word: only the service's own
		// (confidential)
		// client may assert it, never the account pages' public client nor a partner
		// alone
		if (caller.kind() != CallerKind.USER || caller.accountPages() || !serviceId.equals(caller.serviceId())) {
			throw new AccessDeniedException("Linking needs the person's token obtained through that service");
		}
		if (serviceAccountId == null || serviceAccountId.isBlank() || serviceAccountId.length() > 200) {
			return Outcome.rejected(Rejection.invalid("serviceAccountId", "Must be 1 to 200 characters"));
		}
		Service service = this.registry.registry().service(serviceId).orElseThrow();
		AccountId id = new AccountId(caller.subject());
		AccountId holder = this.claims.claim(serviceId, serviceAccountId, id);
		if (!holder.equals(id)) {
			return Outcome.rejected(alreadyLinkedElsewhere("serviceAccountId"));
		}
		for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
			Account account = this.accounts.findById(id).filter(Account::isActive).orElse(null);
			if (account == null) {
				return Outcome.rejected(Rejection.of(UserErrorCode.NOT_FOUND, "No such account"));
			}
			Outcome<AccountChange> decided = account.link(service, serviceAccountId, ChangeOrigin.of(caller, null),
					now());
			if (decided instanceof Outcome.Rejected<AccountChange> rejected) {
				this.claims.release(serviceId, serviceAccountId, id);
				return Outcome.rejected(rejected.rejections());
			}
			Optional<Account> written = write(account, decided.valueOrNull());
			if (written.isPresent()) {
				return Outcome.done(written.get());
			}
		}
		throw new IllegalStateException("Too much contention linking account " + id);
	}

	/**
	 * Rule 5: cancels one service account of an identity, only for a request acting for
	 * that service's controller (the owner through a client of one of its services, its
	 * support agents with a ticket, its partner services). Anyone else gets
	 * NOT_CONTROLLER.
	 */
	public Outcome<Account> cancelServiceAccount(Caller caller, String accountIdArgument, String serviceId,
			String reason, String ticket) {
		Service service = this.registry.registry().service(serviceId).orElse(null);
		if (service == null) {
			return Outcome.rejected(Rejection.onField(UserErrorCode.NOT_FOUND, "serviceId", "No such service"));
		}
		if (caller.kind() == CallerKind.PARTNER_SERVICE && !serviceId.equals(caller.serviceId())
				&& service.isControlledBy(caller.actingCompanyId())) {
			// a partner service cancels its own service's accounts, not its siblings';
			// another
			// company's service gets NOT_CONTROLLER below, naming who to contact
			throw new AccessDeniedException("A partner service cancels only its own accounts");
		}
		if (caller.kind() == CallerKind.SUPPORT_AGENT && (ticket == null || ticket.isBlank())) {
			return Outcome.rejected(Rejection.invalid("ticket", "Support cancellations need a ticket reference"));
		}
		AccountId id = targetAccount(caller, accountIdArgument);
		if (id == null) {
			return Outcome.rejected(notFound());
		}
		for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
			Optional<Visible> visible = visibleActive(caller, id);
			if (visible.isEmpty()) {
				return Outcome.rejected(notFound());
			}
			Account account = visible.get().account();
			AccountAccess access = visible.get().access();
			Outcome<AccountChange> decided = account.cancel(service, caller.actingCompanyId(),
					ChangeOrigin.of(caller, ticket), reason, now());
			if (decided instanceof Outcome.Rejected<AccountChange> rejected) {
				return Outcome.rejected(rejected.rejections());
			}
			Optional<Account> written = write(account, decided.valueOrNull());
			if (written.isPresent()) {
				if (access.isLogged()) {
					logAccess(caller, id, "CANCEL", List.of(serviceId), ticket);
				}
				return Outcome.done(access.view(written.get()));
			}
		}
		throw new IllegalStateException("Too much contention cancelling for account " + id);
	}

	/**
	 * Closes the caller's own identity once no linked service account is active; its
	 * basic details and credentials are erased after the retention period.
	 */
	public Outcome<Account> closeAccount(Caller caller) {
		if (caller.kind() != CallerKind.USER || !caller.accountPages()) {
			throw new AccessDeniedException("Only the person closes their identity");
		}
		AccountId id = new AccountId(caller.subject());
		for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
			Account account = this.accounts.findById(id).orElse(null);
			if (account == null) {
				return Outcome.rejected(notFound());
			}
			Outcome<AccountChange> decided = account.close(now());
			if (decided instanceof Outcome.Rejected<AccountChange> rejected) {
				return Outcome.rejected(rejected.rejections());
			}
			Optional<Account> written = write(account, decided.valueOrNull());
			if (written.isPresent()) {
				return Outcome.done(written.get());
			}
		}
		throw new IllegalStateException("Too much contention closing account " + id);
	}

	/**
	 * Support search within the agent's company scope (accounts with an active link to
	 * one of its services): exact normalised email, exact phone, name prefix. Needs a
	 * ticket; every account returned is written to the access log.
	 */
	public Window<Account> searchAccounts(Caller caller, String email, String phone, String name, String ticket,
			ScrollPosition position, int count) {
		if (caller.kind() != CallerKind.SUPPORT_AGENT) {
			throw new AccessDeniedException("Account search is for support agents");
		}
		if (ticket == null || ticket.isBlank()) {
			throw new TicketRequiredException();
		}
		String emailKey = (email != null && !email.isBlank()) ? BasicDetailsValidation.emailKey(email) : null;
		String phoneKey = null;
		if (phone != null && !phone.isBlank()) {
			phoneKey = BasicDetailsValidation.e164(phone)
				.orElseThrow(() -> new org.onesignin.hub.shared.BadRequestException("Not a valid phone number"));
		}
		String namePrefix = (name != null && !name.isBlank()) ? name.strip() : null;
		if (emailKey == null && phoneKey == null && namePrefix == null) {
			throw new org.onesignin.hub.shared.BadRequestException("Search by email, phone or name");
		}
		java.util.Set<String> services = this.registry.registry()
			.servicesControlledBy(caller.actingCompanyId())
			.stream()
			.map(Service::id)
			.collect(java.util.stream.Collectors.toSet());
		if (services.isEmpty()) {
			return Window.from(List.of(), (index) -> position);
		}
		Window<Account> found = this.accounts.search(services, emailKey, phoneKey, namePrefix, position, count);
		return found.map((account) -> {
			AccountAccess access = AccountAccess.of(caller, account, this.registry.registry()).orElseThrow();
			logAccess(caller, account.id(), "SEARCH",
					access.fields().stream().map(BasicDetailField::fieldName).toList(), ticket);
			return access.view(account);
		});
	}

	/** The owner's field-level change history, oldest first. */
	public Window<ChangeHistoryEntry> changeHistory(Caller caller, AccountId accountId, ScrollPosition position,
			int count) {
		if (!caller.isSelfService(accountId.value())) {
			throw new AccessDeniedException("Only the owner reads the change history");
		}
		return this.history.page(accountId, position, count);
	}

	private Outcome<Account> change(Caller caller, String accountIdArgument, int expectedRevision, DetailsPatch patch,
			String ticket) {
		AccountId id = targetAccount(caller, accountIdArgument);
		if (id == null) {
			return Outcome.rejected(notFound());
		}
		if (caller.kind() == CallerKind.SUPPORT_AGENT && (ticket == null || ticket.isBlank())) {
			return Outcome.rejected(Rejection.invalid("ticket", "Support changes need a ticket reference"));
		}
		for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
			Optional<Visible> visible = visibleActive(caller, id);
			if (visible.isEmpty()) {
				return Outcome.rejected(notFound());
			}
			Account account = visible.get().account();
			AccountAccess access = visible.get().access();
			List<Rejection> notEntitled = patch.values()
				.keySet()
				.stream()
				.filter((field) -> !access.fields().contains(field))
				.map((field) -> Rejection.onField(UserErrorCode.NOT_ENTITLED, field.fieldName(),
						"Your service is not entitled to this field"))
				.toList();
			if (!notEntitled.isEmpty()) {
				return Outcome.rejected(notEntitled);
			}
			Outcome<BasicDetails> details = this.validation.apply(account.details(), patch, "");
			if (details instanceof Outcome.Rejected<BasicDetails> rejected) {
				return Outcome.rejected(rejected.rejections());
			}
			Outcome<AccountChange> decided = account.changeDetails(expectedRevision, details.valueOrNull(),
					ChangeOrigin.of(caller, ticket), this.registry.registry(), now());
			if (decided instanceof Outcome.Rejected<AccountChange> rejected) {
				return Outcome.rejected(rejected.rejections());
			}
			Optional<Account> written;
			try {
				written = write(account, decided.valueOrNull());
			}
			catch (EmailTakenException ex) {
				return Outcome.rejected(emailTaken("newEmail"));
			}
			if (written.isPresent()) {
				if (access.isLogged()) {
					logAccess(caller, id, "UPDATE",
							patch.values().keySet().stream().map(BasicDetailField::fieldName).toList(), ticket);
				}
				return Outcome.done(access.view(written.get()));
			}
		}
		throw new IllegalStateException("Too much contention changing account " + id);
	}

	/**
	 * Writes a decided change: the account after it when applied, empty when the account
	 * moved on meanwhile (decide again); {@link EmailTakenException} when the new sign-in
	 * email belongs to another identity (the unique index decides, not a prior read).
	 */
	private Optional<Account> write(Account account, AccountChange change) {
		if (change.isEmpty()) {
			return Optional.of(account);
		}
		Accounts.WriteResult result = this.accounts.apply(change);
		if (result == Accounts.WriteResult.EMAIL_TAKEN) {
			throw new EmailTakenException();
		}
		if (result == Accounts.WriteResult.VERSION_CONFLICT) {
			return Optional.empty();
		}
		this.relay.relay(account.id());
		return this.accounts.findById(account.id());
	}

	/**
	 * The active account as this caller may see it, or empty (absent and hidden alike).
	 */
	private Optional<Visible> visibleActive(Caller caller, AccountId id) {
		return this.accounts.findById(id)
			.filter(Account::isActive)
			.flatMap((account) -> AccountAccess.of(caller, account, this.registry.registry())
				.map((access) -> new Visible(account, access)));
	}

	private record Visible(Account account, AccountAccess access) {
	}

	private AccountId targetAccount(Caller caller, String accountIdArgument) {
		if (caller.kind() == CallerKind.USER) {
			// self-service acts on the token's own account; another id is "not found"
			if (accountIdArgument != null && !accountIdArgument.equals(caller.subject())) {
				return null;
			}
			return new AccountId(caller.subject());
		}
		if (caller.kind() == CallerKind.SUPPORT_AGENT || caller.kind() == CallerKind.PARTNER_SERVICE) {
			return (accountIdArgument != null) ? new AccountId(accountIdArgument) : null;
		}
		throw new AccessDeniedException("Not allowed");
	}

	private Service requirePartnerService(Caller caller) {
		if (caller.kind() != CallerKind.PARTNER_SERVICE || caller.serviceId() == null) {
			throw new AccessDeniedException("Only a partner service registers accounts");
		}
		return this.registry.registry().service(caller.serviceId()).orElseThrow();
	}

	private void logAccess(Caller caller, AccountId accountId, String action, List<String> fields, String ticket) {
		this.accessLog.append(new AccessLogEntry(UUID.randomUUID().toString(), accountId.value(), caller.kind(),
				caller.subject(), caller.actingCompanyId(), caller.serviceId(), action, fields, ticket, now()));
	}

	private Instant now() {
		return this.clock.instant();
	}

	/** The unique sign-in email index refused a change. */
	private static final class EmailTakenException extends RuntimeException {

		EmailTakenException() {
			super(null, null, false, false);
		}

	}

	private static Rejection notFound() {
		return Rejection.onField(UserErrorCode.NOT_FOUND, "accountId", "No account with that id");
	}

	private static Rejection emailTaken(String field) {
		return Rejection.onField(UserErrorCode.EMAIL_TAKEN, field, "This email address already has a One Sign In");
	}

	private static Rejection alreadyLinkedElsewhere(String field) {
		return Rejection.onField(UserErrorCode.ALREADY_LINKED_ELSEWHERE, field,
				"This service account is linked to another One Sign In identity");
	}

}
