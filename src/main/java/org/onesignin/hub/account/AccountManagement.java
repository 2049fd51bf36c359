package org.onesignin.hub.account;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.onesignin.hub.access.AccessRequest;
import org.onesignin.hub.access.Operation;
import org.onesignin.hub.access.Visibility;
import org.onesignin.hub.registry.RegistryManagement;
import org.onesignin.hub.registry.Service;
import org.onesignin.hub.shared.BasicDetailField;
import org.onesignin.hub.shared.Caller;
import org.onesignin.hub.shared.Outcome;
import org.onesignin.hub.shared.Rejection;
import org.onesignin.hub.shared.UserErrorCode;
import org.onesignin.hub.shared.SignedIn;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The changes of One Sign In identities: registration through a service, basic details
 * and the sign-in email, linking with proof of control, cancelling one service account
 * (rule 5) and closing the identity. Each use case supplies only its decision; the one
 * write path, {@link AccountUpdates}, does the rest.
 */
@org.springframework.stereotype.Service
@SignedIn
public class AccountManagement {

	/** The longest cancellation reason the hub stores and sends. */
	static final int MAX_REASON_LENGTH = 500;

	private final AccountUpdates updates;

	private final ServiceAccountClaims claims;

	private final RegistryManagement registry;

	private final PasswordEncoder passwords;

	private final Accounts accounts;

	private final BasicDetailsValidation validation;

	private final Confirmations confirmations;

	private final AddressClaims addresses;

	private final PasswordChecks passwordChecks;

	AccountManagement(AccountUpdates updates, ServiceAccountClaims claims, RegistryManagement registry,
			PasswordEncoder passwords, Accounts accounts, Clock clock, Confirmations confirmations,
			AddressClaims addresses, PasswordChecks passwordChecks) {
		this.updates = updates;
		this.confirmations = confirmations;
		this.addresses = addresses;
		this.passwordChecks = passwordChecks;
		this.accounts = accounts;
		this.claims = claims;
		this.registry = registry;
		this.passwords = passwords;
		this.validation = new BasicDetailsValidation(clock);
	}

	/**
	 * Creates the identity of a person signing up on the calling partner service, linked
	 * to that service's account.
	 */
	public Outcome<AccountView> register(Caller caller, RegisterAccountCommand command) {
		Outcome<AccountView> registered = this.updates.create(AccessRequest.of(caller, Operation.REGISTER_ACCOUNT),
				new Registration(caller, command, this.registry, this.validation, this.passwords, this.claims,
						this.accounts, this.confirmations));
		if (registered instanceof Outcome.Done<AccountView> done) {
			AccountId id = new AccountId(done.value().id());
			if (command.emailVerified()) {
				this.addresses.supersedeUnverified(command.email(), id);
			}
			else {
				this.addresses.supersedeIfClaimed(command.email(), id);
			}
		}
		return registered;
	}

	/**
	 * Changes basic details (partial: absent fields stay, null clears) based on the
	 * revision the caller read; a partner changes only the fields it is entitled to.
	 */
	public Outcome<AccountView> updateBasicDetails(Caller caller, String accountId, int expectedRevision,
			DetailsPatch patch, String ticket) {
		Outcome<DetailsPatch> input = patch.touches(BasicDetailField.EMAIL)
				? Outcome.rejected(Rejection.invalid("email", "Change the sign-in email with changeSignInEmail"))
				: Outcome.done(patch);
		return changeDetails(AccessRequest.of(caller, Operation.UPDATE_BASIC_DETAILS), accountId, ticket,
				expectedRevision, input);
	}

	/**
	 * Asks for a new sign-in email: it takes effect (and propagates like any detail) only
	 * once confirmed through the link mailed to it, with the identity's password; the
	 * current address gets a notice. Whether another identity holds the new address is
	 * told only to that address's mailbox, at confirmation, so the answer here reveals
	 * nothing.
	 */
	public Outcome<AccountView> changeSignInEmail(Caller caller, String accountId, int expectedRevision,
			String newEmail, String ticket) {
		AccessRequest request = AccessRequest.of(caller, Operation.CHANGE_SIGN_IN_EMAIL)
			.onAccount(accountId)
			.withTicket(ticket)
			.touching(List.of(BasicDetailField.EMAIL.fieldName()));
		Outcome<String> email = BasicDetailsValidation.email(newEmail, "newEmail");
		return this.updates.apply(request, email.rejections(), (account, context) -> {
			Confirmations.IssuedLink link = this.confirmations.emailConfirmation(context.now());
			return CredentialChanges
				.requestEmailConfirmation(account, expectedRevision, email.valueOrNull(), link.tokenHash(),
						link.expiresAt(), context.now())
				.map((change) -> change.isEmpty() ? change
						: change.withMails(CredentialMails.emailChange(account, email.valueOrNull(), link)));
		});
	}

	/**
	 * The owner changes their password, naming the current one (checked against the same
	 * lockout as the sign-in); the weak-password rules apply. Refresh tokens and sign-in
	 * sessions end, and every linked service hears {@code password.changed}.
	 */
	public Outcome<AccountView> changePassword(Caller caller, String currentPassword, String newPassword) {
		AccessRequest request = AccessRequest.of(caller, Operation.CHANGE_PASSWORD);
		List<Rejection> input = new ArrayList<>();
		if (currentPassword == null || currentPassword.isEmpty()
				|| currentPassword.length() > PasswordPolicy.MAX_LENGTH) {
			input.add(Rejection.invalid("currentPassword", "Give your current password"));
		}
		// the password is checked (and the new one hashed) once per stored password,
		// whatever the retries of the write: a retry after the password changed meanwhile
		// checks again
		Map<String, String> checked = new HashMap<>();
		return this.updates.apply(request, input, (account, context) -> {
			Optional<Rejection> weak = PasswordPolicy.check(newPassword, account.signInEmail(), "newPassword");
			if (weak.isPresent()) {
				return Outcome.rejected(weak.get());
			}
			String stored = String.valueOf(account.passwordHash());
			if (!checked.containsKey(stored)) {
				if (!this.passwordChecks.isPasswordOf(account, currentPassword)) {
					return Outcome.rejected(Rejection.onField(UserErrorCode.WRONG_PASSWORD, "currentPassword",
							"That is not your current password"));
				}
				checked.put(stored, this.passwords.encode(newPassword));
			}
			return CredentialChanges
				.changePassword(account, checked.get(stored), CredentialChanges.How.CHANGED, context.origin(),
						context.now())
				.map((change) -> change.withMails(CredentialMails.passwordChanged(account)));
		});
	}

	/**
	 * Links a service account to the caller's identity. Proof of control: the person's
	 * own token obtained through a client of that very service (the policy's rule).
	 */
	public Outcome<AccountView> linkServiceAccount(Caller caller, String serviceId, String serviceAccountId) {
		AccessRequest request = AccessRequest.of(caller, Operation.LINK_SERVICE_ACCOUNT).forService(serviceId);
		List<Rejection> input = Registration.isServiceAccountId(serviceAccountId) ? List.of()
				: List.of(Rejection.invalid("serviceAccountId", "Must be 1 to 200 characters"));
		Service service = this.registry.registry().service(serviceId).orElse(null);
		return this.updates.apply(request, input, new Linking(service, serviceAccountId, this.claims));
	}

	/**
	 * Rule 5: cancels one service account of an identity, only for a request acting for
	 * that service's controller; anyone else gets NOT_CONTROLLER, naming who to contact.
	 */
	public Outcome<AccountView> cancelServiceAccount(Caller caller, String accountId, String serviceId, String reason,
			String ticket) {
		Service service = this.registry.registry().service(serviceId).orElse(null);
		if (service == null) {
			return Outcome.rejected(Rejection.onField(UserErrorCode.NOT_FOUND, "serviceId", "No such service"));
		}
		AccessRequest request = AccessRequest.of(caller, Operation.CANCEL_SERVICE_ACCOUNT)
			.onAccount(accountId)
			.forService(serviceId)
			.withTicket(ticket)
			.touching(List.of(serviceId));
		List<Rejection> input = (reason != null && reason.length() > MAX_REASON_LENGTH)
				? List.of(Rejection.invalid("reason", "Must be at most " + MAX_REASON_LENGTH + " characters"))
				: List.of();
		return this.updates.apply(request, input, (account, context) -> account.cancel(service,
				caller.actingCompanyId(), context.origin(), reason, context.now()));
	}

	/**
	 * Closes the caller's own identity once no linked service account is active; its
	 * basic details and credentials are erased after the retention period.
	 */
	public Outcome<AccountView> closeAccount(Caller caller) {
		return this.updates.apply(AccessRequest.of(caller, Operation.CLOSE_ACCOUNT),
				(account, context) -> account.close(context.now()));
	}

	private Outcome<AccountView> changeDetails(AccessRequest operation, String accountId, String ticket,
			int expectedRevision, Outcome<DetailsPatch> input) {
		DetailsPatch patch = (input instanceof Outcome.Done<DetailsPatch> done) ? done.value() : DetailsPatch.empty();
		AccessRequest request = operation.onAccount(accountId)
			.withTicket(ticket)
			.touching(patch.values().keySet().stream().map(BasicDetailField::fieldName).toList());
		List<Rejection> inputProblems = new ArrayList<>(input.rejections());
		// every invalid value at once, before the account is looked for
		inputProblems.addAll(this.validation.apply(BasicDetails.EMPTY, patch, "").rejections());
		return this.updates.apply(request, inputProblems, (account, context) -> {
			List<Rejection> notEntitled = onlyEntitledFields(patch, context.visibility());
			if (!notEntitled.isEmpty()) {
				return Outcome.rejected(notEntitled);
			}
			Outcome<BasicDetails> details = this.validation.apply(account.details(), patch, "");
			if (!(details instanceof Outcome.Done<BasicDetails> valid)) {
				return Outcome.rejected(details.rejections());
			}
			return account.changeDetails(expectedRevision, valid.value(), context.origin(), this.registry.registry(),
					context.now());
		});
	}

	/** A caller changes only the fields it sees: a partner its entitled fields. */
	private static List<Rejection> onlyEntitledFields(DetailsPatch patch, Visibility visibility) {
		List<Rejection> rejections = new ArrayList<>();
		for (BasicDetailField field : patch.values().keySet()) {
			if (!visibility.sees(field)) {
				rejections.add(Rejection.onField(UserErrorCode.NOT_ENTITLED, field.fieldName(),
						"Your service is not entitled to this field"));
			}
		}
		return rejections;
	}

}
