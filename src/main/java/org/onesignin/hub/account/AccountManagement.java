package org.onesignin.hub.account;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.onesignin.hub.access.AccessRequest;
import org.onesignin.hub.access.Operation;
import org.onesignin.hub.access.Scope;
import org.onesignin.hub.registry.RegistryManagement;
import org.onesignin.hub.registry.Service;
import org.onesignin.hub.shared.BasicDetailField;
import org.onesignin.hub.shared.Caller;
import org.onesignin.hub.shared.ChangeOrigin;
import org.onesignin.hub.shared.Outcome;
import org.onesignin.hub.shared.Rejection;
import org.onesignin.hub.shared.UserErrorCode;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The changes of One Sign In identities: registration through a service, basic details
 * and the sign-in email, linking with proof of control, cancelling one service account
 * (rule 5) and closing the identity. Each use case supplies only its decision; the one
 * write path, {@link AccountUpdates}, does the rest.
 */
@org.springframework.stereotype.Service
@PreAuthorize("isAuthenticated()")
public class AccountManagement {

	private final AccountUpdates updates;

	private final ServiceAccountClaims claims;

	private final RegistryManagement registry;

	private final PasswordEncoder passwords;

	private final Accounts accounts;

	private final BasicDetailsValidation validation;

	AccountManagement(AccountUpdates updates, ServiceAccountClaims claims, RegistryManagement registry,
			PasswordEncoder passwords, Accounts accounts, Clock clock) {
		this.updates = updates;
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
		return this.updates.create(AccessRequest.of(caller, Operation.REGISTER_ACCOUNT), new Registration(caller,
				command, this.registry, this.validation, this.passwords, this.claims, this.accounts));
	}

	/**
	 * Changes basic details (partial: absent fields stay, null clears) based on the
	 * revision the caller read; a partner changes only the fields it is entitled to.
	 */
	public Outcome<AccountView> updateBasicDetails(Caller caller, String accountId, int expectedRevision,
			DetailsPatch patch, String ticket) {
		if (patch.touches(BasicDetailField.EMAIL)) {
			return Outcome.rejected(Rejection.invalid("email", "Change the sign-in email with changeSignInEmail"));
		}
		return changeDetails(AccessRequest.of(caller, Operation.UPDATE_BASIC_DETAILS), accountId, ticket,
				expectedRevision, Outcome.done(patch));
	}

	/**
	 * Changes the sign-in email (unique across identities); it propagates like any
	 * detail.
	 */
	public Outcome<AccountView> changeSignInEmail(Caller caller, String accountId, int expectedRevision,
			String newEmail, String ticket) {
		Outcome<DetailsPatch> patch = BasicDetailsValidation.email(newEmail, "newEmail").map((email) -> {
			Map<BasicDetailField, Object> values = new EnumMap<>(BasicDetailField.class);
			values.put(BasicDetailField.EMAIL, email);
			return new DetailsPatch(values);
		});
		return changeDetails(AccessRequest.of(caller, Operation.CHANGE_SIGN_IN_EMAIL), accountId, ticket,
				expectedRevision, patch);
	}

	/**
	 * Links a service account to the caller's identity. Proof of control: the person's
	 * own token obtained through a client of that very service (the policy's rule).
	 */
	public Outcome<AccountView> linkServiceAccount(Caller caller, String serviceId, String serviceAccountId) {
		AccessRequest request = AccessRequest.of(caller, Operation.LINK_SERVICE_ACCOUNT).forService(serviceId);
		return this.updates.apply(request, (account, scope, now) -> {
			if (!Registration.isServiceAccountId(serviceAccountId)) {
				return Outcome.rejected(Rejection.invalid("serviceAccountId", "Must be 1 to 200 characters"));
			}
			Service service = this.registry.registry().service(serviceId).orElseThrow();
			if (!this.claims.claim(serviceId, serviceAccountId, account.id()).equals(account.id())) {
				return Outcome.rejected(Registration.alreadyLinkedElsewhere("serviceAccountId"));
			}
			Outcome<AccountChange> decided = account.link(service, serviceAccountId, ChangeOrigin.of(caller, null),
					now);
			if (decided instanceof Outcome.Rejected) {
				this.claims.release(serviceId, serviceAccountId, account.id());
			}
			return decided;
		});
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
		return this.updates.apply(request, (account, scope, now) -> account.cancel(service, caller.actingCompanyId(),
				ChangeOrigin.of(caller, ticket), reason, now));
	}

	/**
	 * Closes the caller's own identity once no linked service account is active; its
	 * basic details and credentials are erased after the retention period.
	 */
	public Outcome<AccountView> closeAccount(Caller caller) {
		return this.updates.apply(AccessRequest.of(caller, Operation.CLOSE_ACCOUNT),
				(account, scope, now) -> account.close(now));
	}

	private Outcome<AccountView> changeDetails(AccessRequest operation, String accountId, String ticket,
			int expectedRevision, Outcome<DetailsPatch> input) {
		DetailsPatch patch = (input instanceof Outcome.Done<DetailsPatch> done) ? done.value() : DetailsPatch.empty();
		AccessRequest request = operation.onAccount(accountId)
			.withTicket(ticket)
			.touching(patch.values().keySet().stream().map(BasicDetailField::fieldName).toList());
		ChangeOrigin origin = ChangeOrigin.of(request.caller(), ticket);
		return this.updates.apply(request, (account, scope, now) -> {
			if (input instanceof Outcome.Rejected<DetailsPatch> invalid) {
				return Outcome.rejected(invalid.rejections());
			}
			List<Rejection> notEntitled = onlyEntitledFields(patch, scope);
			if (!notEntitled.isEmpty()) {
				return Outcome.rejected(notEntitled);
			}
			Outcome<BasicDetails> details = this.validation.apply(account.details(), patch, "");
			if (!(details instanceof Outcome.Done<BasicDetails> valid)) {
				return Outcome.rejected(details.rejections());
			}
			return account.changeDetails(expectedRevision, valid.value(), origin, this.registry.registry(), now);
		});
	}

	/** A caller changes only the fields it sees: a partner its entitled fields. */
	private static List<Rejection> onlyEntitledFields(DetailsPatch patch, Scope scope) {
		List<Rejection> rejections = new ArrayList<>();
		for (BasicDetailField field : patch.values().keySet()) {
			if (!scope.sees(field)) {
				rejections.add(Rejection.onField(UserErrorCode.NOT_ENTITLED, field.fieldName(),
						"Your service is not entitled to this field"));
			}
		}
		return rejections;
	}

}
