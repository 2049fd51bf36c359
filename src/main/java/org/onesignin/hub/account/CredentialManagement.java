package org.onesignin.hub.account;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.onesignin.hub.registry.RegistryManagement;
import org.onesignin.hub.shared.CallerKind;
import org.onesignin.hub.shared.ChangeOrigin;
import org.onesignin.hub.shared.Outcome;
import org.onesignin.hub.shared.Rejection;
import org.onesignin.hub.shared.UserErrorCode;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * What a person does with a mailed link, signed in or not: confirm an address (the
 * registered one, or a new sign-in email) with the identity's password, and reset a
 * forgotten password; and asking for such a link, which answers the same, in the same
 * time, whether the address is known or not.
 */
@Service
public class CredentialManagement {

	/** Requests for links waiting to be worked: beyond this many, more are dropped. */
	private static final int REQUEST_BACKLOG = 1000;

	private static final Logger log = LoggerFactory.getLogger(CredentialManagement.class);

	private final Accounts accounts;

	private final AccountUpdates updates;

	private final Confirmations confirmations;

	private final AddressClaims addresses;

	private final PasswordChecks passwordChecks;

	private final RegistryManagement registry;

	private final PasswordEncoder passwords;

	private final Clock clock;

	/**
	 * Link requests are worked after the answer: whether the address has an identity
	 * changes what is done, never how long the caller waits.
	 */
	private final ThreadPoolExecutor requests = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
			new ArrayBlockingQueue<>(REQUEST_BACKLOG), (task) -> {
				Thread thread = new Thread(task, "credential-link-requests");
				thread.setDaemon(true);
				return thread;
			}, (dropped, executor) -> log.warn("A link request was dropped: {} wait already", REQUEST_BACKLOG));

	CredentialManagement(Accounts accounts, AccountUpdates updates, Confirmations confirmations,
			AddressClaims addresses, PasswordChecks passwordChecks, RegistryManagement registry,
			PasswordEncoder passwords, Clock clock) {
		this.accounts = accounts;
		this.updates = updates;
		this.confirmations = confirmations;
		this.addresses = addresses;
		this.passwordChecks = passwordChecks;
		this.registry = registry;
		this.passwords = passwords;
		this.clock = clock;
	}

	@PreDestroy
	void stop() {
		this.requests.shutdownNow();
	}

	/** The address a confirmation link confirms, while the link can be used. */
	public Optional<String> addressToConfirm(String token) {
		return confirmationLink(token).map((account) -> account.credentials().emailConfirmation().email());
	}

	/** Whether a reset link can be used. */
	public boolean canReset(String token) {
		String hash = Confirmations.hash(token);
		return this.accounts.findByLinkTokenHash(hash)
			.filter(Account::isActive)
			.filter((account) -> account.credentials().passwordReset() != null
					&& account.credentials().passwordReset().accepts(hash, this.clock.instant())
					&& Account.sameAddress(account.credentials().passwordReset().email(), account.signInEmail()))
			.isPresent();
	}

	/**
	 * Confirms the address of a link with the identity's password (checked against the
	 * sign-in lockout): the address becomes the verified sign-in email, and any other
	 * identity registered unverified with it is superseded. Answers the confirmed
	 * address; WRONG_PASSWORD (the link stays usable), EMAIL_TAKEN when another identity
	 * verified the address first, INVALID_TOKEN for a link that cannot be used.
	 */
	public Outcome<String> confirmEmail(String token, String password) {
		Optional<Account> link = confirmationLink(token);
		if (link.isEmpty()) {
			return Outcome.rejected(CredentialChanges.invalidLink());
		}
		if (password == null || !this.passwordChecks.isPasswordOf(link.get(), password)) {
			return Outcome.rejected(Rejection.onField(UserErrorCode.WRONG_PASSWORD, "password",
					"That is not the password of this One Sign In"));
		}
		AccountId id = link.get().id();
		Outcome<Account> confirmed = this.updates.applyAs(owner(id), id,
				(account, context) -> CredentialChanges.confirmEmail(account, Confirmations.hash(token),
						context.origin(), this.registry.registry(), context.now()));
		if (confirmed instanceof Outcome.Done<Account> done) {
			this.addresses.supersedeUnverified(done.value().signInEmail(), id);
		}
		return confirmed.map(Account::signInEmail);
	}

	/**
	 * Asks for a link to the address, answering at once and the same way whatever the
	 * address: a verified, active identity using it gets a password-reset link; if only
	 * identities awaiting confirmation use it, each gets a new confirmation link. At most
	 * one link of a kind a minute per identity.
	 */
	public List<Rejection> requestPasswordReset(String email) {
		// a malformed address is refused; a well-formed one gets the same answer whether
		// an identity uses it or not
		Outcome<String> address = BasicDetailsValidation.email(email, "email");
		if (address instanceof Outcome.Done<String> valid) {
			this.requests.execute(() -> sendLinksTo(valid.value()));
		}
		return address.rejections();
	}

	/**
	 * Sets a new password with a reset link: WEAK_PASSWORD (the link stays usable) or
	 * INVALID_TOKEN; otherwise refresh tokens and sign-in sessions end and every linked
	 * service hears {@code password.changed}. Answers the identity's sign-in email.
	 */
	public Outcome<String> resetPassword(String token, String newPassword) {
		String hash = Confirmations.hash(token);
		Optional<Account> link = this.accounts.findByLinkTokenHash(hash)
			.filter((account) -> account.credentials().passwordReset() != null);
		if (link.isEmpty()) {
			return Outcome.rejected(CredentialChanges.invalidLink());
		}
		Optional<Rejection> weak = PasswordPolicy.check(newPassword, link.get().signInEmail(), "newPassword");
		if (weak.isPresent()) {
			return Outcome.rejected(weak.get());
		}
		String newHash = this.passwords.encode(newPassword);
		AccountId id = link.get().id();
		return this.updates
			.applyAs(owner(id), id,
					(account, context) -> CredentialChanges
						.resetPassword(account, hash, newHash, context.origin(), context.now())
						.map((change) -> change.withMails(CredentialMails.passwordChanged(account))))
			.map(Account::signInEmail);
	}

	private Optional<Account> confirmationLink(String token) {
		String hash = Confirmations.hash(token);
		return this.accounts.findByLinkTokenHash(hash)
			.filter(Account::isActive)
			.filter((account) -> account.credentials().emailConfirmation() != null
					&& account.credentials().emailConfirmation().accepts(hash, this.clock.instant()));
	}

	private void sendLinksTo(String email) {
		try {
			Optional<Account> verified = this.accounts.findBySignInEmail(email).filter(Account::isActive);
			if (verified.isPresent()) {
				AccountId id = verified.get().id();
				this.updates.applyAs(owner(id), id, (account, context) -> {
					Confirmations.IssuedLink link = this.confirmations.passwordReset(context.now());
					return CredentialChanges
						.requestPasswordReset(account, link.tokenHash(), link.expiresAt(), context.now())
						.map((change) -> change.isEmpty() ? change
								: change.withMails(CredentialMails.passwordReset(account, link)));
				});
				return;
			}
			List<Account> awaiting = this.accounts.findUnverifiedByEmail(email, AddressClaims.MAX_UNVERIFIED);
			for (Account unverified : awaiting) {
				this.updates.applyAs(owner(unverified.id()), unverified.id(), (account, context) -> {
					Confirmations.IssuedLink link = this.confirmations.emailConfirmation(context.now());
					return CredentialChanges
						.resendEmailConfirmation(account, link.tokenHash(), link.expiresAt(), context.now())
						.map((change) -> change.isEmpty() ? change : change
							.withMails(CredentialMails.verification(account, link, this.registry.registry())));
				});
			}
		}
		catch (RuntimeException ex) {
			// the person asks again; nothing was promised to the caller
			log.warn("A link request failed: {}", ex.getClass().getSimpleName());
		}
	}

	private static ChangeOrigin owner(AccountId id) {
		return new ChangeOrigin(CallerKind.USER, id.value(), null, null, null);
	}

}
