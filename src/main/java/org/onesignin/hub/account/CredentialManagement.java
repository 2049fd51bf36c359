package org.onesignin.hub.account;

import java.time.Clock;
import java.util.Optional;

import org.onesignin.hub.registry.RegistryManagement;
import org.onesignin.hub.shared.CallerKind;
import org.onesignin.hub.shared.ChangeOrigin;
import org.onesignin.hub.shared.Outcome;
import org.onesignin.hub.shared.Rejection;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * What a person does with a mailed link, signed in or not: confirm an address (the
 * registered one, or a new sign-in email) and reset a forgotten password; and asking for
 * such a reset, which answers the same whether the address is known or not.
 */
@org.springframework.stereotype.Service
public class CredentialManagement {

	private final Accounts accounts;

	private final AccountUpdates updates;

	private final Confirmations confirmations;

	private final AddressClaims addresses;

	private final RegistryManagement registry;

	private final PasswordEncoder passwords;

	private final Clock clock;

	CredentialManagement(Accounts accounts, AccountUpdates updates, Confirmations confirmations,
			AddressClaims addresses, RegistryManagement registry, PasswordEncoder passwords, Clock clock) {
		this.accounts = accounts;
		this.updates = updates;
		this.confirmations = confirmations;
		this.addresses = addresses;
		this.registry = registry;
		this.passwords = passwords;
		this.clock = clock;
	}

	/**
	 * The identity and address a confirmation link is for, while it can still be used.
	 */
	public Optional<AwaitingLink> emailConfirmation(String token) {
		String hash = Confirmations.hash(token);
		return this.accounts.findByLinkTokenHash(hash)
			.filter(Account::isActive)
			.filter((account) -> account.credentials().emailConfirmation() != null
					&& account.credentials().emailConfirmation().accepts(hash, this.clock.instant()))
			.map((account) -> new AwaitingLink(account, account.credentials().emailConfirmation().email()));
	}

	/**
	 * The identity a reset link is for, while it can still be used.
	 */
	public Optional<AwaitingLink> passwordReset(String token) {
		String hash = Confirmations.hash(token);
		return this.accounts.findByLinkTokenHash(hash)
			.filter(Account::isActive)
			.filter((account) -> account.credentials().passwordReset() != null
					&& account.credentials().passwordReset().accepts(hash, this.clock.instant()))
			.map((account) -> new AwaitingLink(account, account.signInEmail()));
	}

	/**
	 * Confirms the address of a link (the caller has checked the identity's password):
	 * the address becomes the verified sign-in email, and any other identity registered
	 * unverified with it is superseded. EMAIL_TAKEN when another identity verified it
	 * first; INVALID_TOKEN for a link that cannot be used.
	 */
	public Outcome<Account> confirmEmail(String token) {
		Optional<AwaitingLink> link = emailConfirmation(token);
		if (link.isEmpty()) {
			return Outcome.rejected(Account.invalidLink());
		}
		AccountId id = link.get().account().id();
		Outcome<Account> confirmed = this.updates.applyAs(owner(id), id, (account, context) -> account
			.confirmEmail(Confirmations.hash(token), context.origin(), this.registry.registry(), context.now()));
		if (confirmed instanceof Outcome.Done<Account> done) {
			this.addresses.supersedeUnverified(done.value().signInEmail(), id);
		}
		return confirmed;
	}

	/**
	 * Mails a reset link to the verified, active identity using the address, if there is
	 * one; nothing tells the caller whether there is. At most one link a minute.
	 */
	public void requestPasswordReset(String email) {
		Outcome<String> address = BasicDetailsValidation.email(email, "email");
		if (!(address instanceof Outcome.Done<String> valid)) {
			return;
		}
		this.accounts.findBySignInEmail(valid.value()).filter(Account::isActive).ifPresent((found) -> {
			this.updates.applyAs(owner(found.id()), found.id(), (account, context) -> {
				Credentials.Confirmation earlier = account.credentials().passwordReset();
				if (earlier != null && earlier.requestedAt() != null
						&& earlier.requestedAt().plusSeconds(60).isAfter(context.now())) {
					// a bound on the mails anyone can make the hub send one person
					return Outcome.done(AccountChange.none(account.id(), account.version(), context.now()));
				}
				Confirmations.IssuedLink link = this.confirmations.passwordReset(context.now());
				return account.requestPasswordReset(link.tokenHash(), link.expiresAt(), context.now())
					.map((change) -> change.withMails(CredentialMails.passwordReset(account, link)));
			});
		});
	}

	/**
	 * Sets a new password with a reset link: WEAK_PASSWORD (the link stays usable) or
	 * INVALID_TOKEN; otherwise refresh tokens and sign-in sessions end and every linked
	 * service hears {@code password.changed}.
	 */
	public Outcome<Account> resetPassword(String token, String newPassword) {
		Optional<AwaitingLink> link = passwordReset(token);
		if (link.isEmpty()) {
			return Outcome.rejected(Account.invalidLink());
		}
		Optional<Rejection> weak = PasswordPolicy.check(newPassword, link.get().email(), "newPassword");
		if (weak.isPresent()) {
			return Outcome.rejected(weak.get());
		}
		String hash = this.passwords.encode(newPassword);
		AccountId id = link.get().account().id();
		return this.updates.applyAs(owner(id), id,
				(account, context) -> account
					.resetPassword(Confirmations.hash(token), hash, context.origin(), context.now())
					.map((change) -> change.withMails(CredentialMails.passwordChanged(account))));
	}

	private static ChangeOrigin owner(AccountId id) {
		return new ChangeOrigin(CallerKind.USER, id.value(), null, null, null);
	}

	/** A usable link: the identity it is for and the address it confirms. */
	public record AwaitingLink(Account account, String email) {
	}

}
