package org.onesignin.hub.account;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.onesignin.hub.registry.RegistryManagement;
import org.onesignin.hub.registry.Service;
import org.onesignin.hub.shared.BasicDetailField;
import org.onesignin.hub.shared.Caller;
import org.onesignin.hub.shared.ChangeOrigin;
import org.onesignin.hub.shared.Outcome;
import org.onesignin.hub.shared.Rejection;
import org.onesignin.hub.shared.UserErrorCode;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The decision of a sign-up through a partner service: every invalid field at once, the
 * address not held by a verified identity, the service account claimed for the new
 * identity (released again if the identity cannot be stored), and unless the service is
 * trusted to have verified the address, a mail with the link that confirms it.
 */
final class Registration implements AccountUpdates.Creation {

	private final Caller caller;

	private final RegisterAccountCommand command;

	private final RegistryManagement registry;

	private final BasicDetailsValidation validation;

	private final PasswordEncoder passwords;

	private final ServiceAccountClaims claims;

	private final Accounts accounts;

	private final Confirmations confirmations;

	Registration(Caller caller, RegisterAccountCommand command, RegistryManagement registry,
			BasicDetailsValidation validation, PasswordEncoder passwords, ServiceAccountClaims claims,
			Accounts accounts, Confirmations confirmations) {
		this.confirmations = confirmations;
		this.caller = caller;
		this.command = command;
		this.registry = registry;
		this.validation = validation;
		this.passwords = passwords;
		this.claims = claims;
		this.accounts = accounts;
	}

	@Override
	public Outcome<Account.NewAccount> prepare(ChangeOrigin origin, Instant now) {
		Service service = this.registry.registry().service(this.caller.serviceId()).orElseThrow();
		List<Rejection> rejections = new ArrayList<>();
		Outcome<String> email = BasicDetailsValidation.email(this.command.email(), "email");
		rejections.addAll(email.rejections());
		PasswordPolicy.check(this.command.password(), this.command.email()).ifPresent(rejections::add);
		if (!isServiceAccountId(this.command.serviceAccountId())) {
			rejections.add(Rejection.invalid("serviceAccountId", "Must be 1 to 200 characters"));
		}
		if (this.command.details().touches(BasicDetailField.EMAIL)) {
			rejections.add(Rejection.invalid("basicDetails.email", "Set the sign-in email with the email field"));
		}
		Outcome<BasicDetails> details = this.validation.apply(BasicDetails.EMPTY, this.command.details(),
				"basicDetails.");
		rejections.addAll(details.rejections());
		if (!rejections.isEmpty()) {
			return Outcome.rejected(rejections);
		}
		if (this.command.emailVerified() && !service.verifiesEmails()) {
			return Outcome.rejected(Rejection.invalid("emailVerified",
					"The registry does not trust this service to verify email addresses"));
		}
		// only a verified identity holds its address: an unverified registration of the
		// same address never blocks the address's owner (no account pre-hijacking)
		if (this.accounts.findBySignInEmail(email.valueOrNull()).isPresent()) {
			return Outcome.rejected(AccountUpdates.emailTaken("email"));
		}
		if (!this.command.emailVerified()
				&& awaitingConfirmation(email.valueOrNull(), now) >= AddressClaims.MAX_UNVERIFIED) {
			// a bound on the identities (and mails) one address can be given; a sign-up
			// whose link expired no longer counts
			return Outcome.rejected(Rejection.invalid("email",
					"Too many sign-ups with this address await confirmation: try again tomorrow"));
		}
		AccountId id = AccountId.generate();
		if (!this.claims.claim(service.id(), this.command.serviceAccountId(), id).isHeldBy(id)) {
			return Outcome.rejected(alreadyLinkedElsewhere("serviceAccountId"));
		}
		BasicDetails registered = details.valueOrNull().with(BasicDetailField.EMAIL, email.valueOrNull());
		if (this.command.emailVerified()) {
			return Outcome.done(Account.register(id, this.passwords.encode(this.command.password()),
					Credentials.CLAIMED, registered, service, this.command.serviceAccountId(), origin, now));
		}
		Confirmations.IssuedLink link = this.confirmations.emailConfirmation(now);
		Credentials awaiting = Credentials
			.awaiting(new Credentials.Confirmation(email.valueOrNull(), link.tokenHash(), link.expiresAt(), now));
		Account.NewAccount created = Account.register(id, this.passwords.encode(this.command.password()), awaiting,
				registered, service, this.command.serviceAccountId(), origin, now);
		return Outcome
			.done(created.withMails(CredentialMails.verification(created.account(), link, this.registry.registry())));
	}

	private long awaitingConfirmation(String email, Instant now) {
		return this.accounts.findUnverifiedByEmail(email, AddressClaims.MAX_UNVERIFIED * 4)
			.stream()
			.filter((account) -> account.credentials().emailConfirmation() != null
					&& account.credentials().emailConfirmation().expiresAt().isAfter(now))
			.count();
	}

	@Override
	public void abandon(Account account) {
		this.claims.release(this.caller.serviceId(), this.command.serviceAccountId(), account.id());
	}

	static boolean isServiceAccountId(String serviceAccountId) {
		return serviceAccountId != null && !serviceAccountId.isBlank() && serviceAccountId.length() <= 200;
	}

	static Rejection alreadyLinkedElsewhere(String field) {
		return Rejection.onField(UserErrorCode.ALREADY_LINKED_ELSEWHERE, field,
				"This service account is linked to another One Sign In identity");
	}

}
