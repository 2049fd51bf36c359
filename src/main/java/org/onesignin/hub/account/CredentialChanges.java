package org.onesignin.hub.account;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.onesignin.hub.registry.Registry;
import org.onesignin.hub.registry.Service;
import org.onesignin.hub.shared.BasicDetailField;
import org.onesignin.hub.shared.ChangeOrigin;
import org.onesignin.hub.shared.Outcome;
import org.onesignin.hub.shared.Rejection;
import org.onesignin.hub.shared.UserErrorCode;

/**
 * The decisions about an identity's credentials, beside the aggregate's other verbs:
 * asking for and confirming an address by a mailed link, resetting and changing the
 * password, and superseding an unverified identity whose address its owner claimed. Each
 * returns the change to write with the events for the linked services, or the refusal.
 */
public final class CredentialChanges {

	/** Why a superseded identity's service accounts were cancelled. */
	public static final String EMAIL_CLAIMED_BY_OWNER = "EMAIL_CLAIMED_BY_OWNER";

	/**
	 * Why an identity whose address was never confirmed had its service accounts
	 * cancelled.
	 */
	public static final String EMAIL_NOT_CONFIRMED = "EMAIL_NOT_CONFIRMED";

	/** How a password changed, as {@code password.changed} says. */
	public enum How {

		CHANGED, RESET

	}

	/** At most one link of a kind a minute: a bound on the mail anyone can cause. */
	static final Duration LINK_INTERVAL = Duration.ofMinutes(1);

	private CredentialChanges() {
	}

	/**
	 * Asks for an address to be confirmed by a mailed link, based on the revision the
	 * caller read: the registered address again, or a new sign-in email, which takes
	 * effect only once confirmed (a later request replaces an earlier one). Asking again
	 * for the verified address itself changes nothing.
	 */
	public static Outcome<AccountChange> requestEmailConfirmation(Account account, int expectedRevision, String email,
			String tokenHash, Instant expiresAt, Instant now) {
		if (expectedRevision != account.revision()) {
			return Outcome.rejected(account.staleRevision());
		}
		if (recently(account.credentials().emailConfirmation(), now)) {
			return Outcome.rejected(Rejection.invalid("newEmail",
					"A confirmation link was sent less than a minute ago: wait a minute before asking again"));
		}
		return askToConfirm(account, email, tokenHash, expiresAt, now);
	}

	/**
	 * A new link for the address an unverified identity registered with (the earlier one
	 * lost, expired or never received): nothing when it is verified, not active, or was
	 * sent a link within the last minute.
	 */
	public static Outcome<AccountChange> resendEmailConfirmation(Account account, String tokenHash, Instant expiresAt,
			Instant now) {
		Credentials.Confirmation earlier = account.credentials().emailConfirmation();
		if (account.credentials().emailVerified() || !account.isActive() || recently(earlier, now)) {
			return Outcome.done(AccountChange.none(account.id(), account.version(), now));
		}
		return askToConfirm(account, account.signInEmail(), tokenHash, expiresAt, now);
	}

	/**
	 * Confirms the address awaiting confirmation with the mailed link's token: the
	 * sign-in email becomes verified (a new one takes effect now, propagating like any
	 * detail), and every linked service hears {@code sign-in-email.verified}.
	 * INVALID_TOKEN for a used, replaced, expired or unknown link, or an identity no
	 * longer active.
	 */
	public static Outcome<AccountChange> confirmEmail(Account account, String tokenHash, ChangeOrigin origin,
			Registry registry, Instant now) {
		Credentials.Confirmation confirmation = account.credentials().emailConfirmation();
		if (!account.isActive() || confirmation == null || !confirmation.accepts(tokenHash, now)) {
			return Outcome.rejected(invalidLink());
		}
		Credentials verified = account.credentials().verified();
		if (Account.sameAddress(confirmation.email(), account.signInEmail())) {
			return Outcome.done(new AccountChange(account.id(), account.version(), null, null, null, null,
					emailVerifiedEvents(account, account.details(), account.revision(), origin, registry, now),
					List.of(), now)
				.withCredentials(verified, account.signInEmail()));
		}
		Outcome<AccountChange> changed = account.changeDetails(account.revision(),
				account.details().with(BasicDetailField.EMAIL, confirmation.email()), origin, registry, now);
		if (!(changed instanceof Outcome.Done<AccountChange> done)) {
			return changed;
		}
		AccountChange change = done.value();
		List<ServiceChange> events = new ArrayList<>(change.events());
		events.addAll(emailVerifiedEvents(account, change.newDetails(), change.newRevision(), origin, registry, now));
		// a reset link mailed to the old address must not outlive the move away from it
		return Outcome.done(new AccountChange(account.id(), account.version(), change.newRevision(),
				change.newDetails(), null, null, events, change.history(), now)
			.withCredentials(verified.withPasswordReset(null), confirmation.email()));
	}

	/**
	 * Starts a password reset: a new link replaces any earlier one; nothing when a link
	 * was sent within the last minute.
	 */
	public static Outcome<AccountChange> requestPasswordReset(Account account, String tokenHash, Instant expiresAt,
			Instant now) {
		if (recently(account.credentials().passwordReset(), now)) {
			return Outcome.done(AccountChange.none(account.id(), account.version(), now));
		}
		// the link works only while the sign-in email is the address it was mailed to
		Credentials.Confirmation reset = new Credentials.Confirmation(account.signInEmail(), tokenHash, expiresAt, now);
		return Outcome.done(AccountChange.none(account.id(), account.version(), now)
			.withCredentials(account.credentials().withPasswordReset(reset), account.signInEmail()));
	}

	/**
	 * Sets a new password with a reset link's token (INVALID_TOKEN for a used, replaced,
	 * expired or unknown link, or an identity no longer active); see
	 * {@link #changePassword}.
	 */
	public static Outcome<AccountChange> resetPassword(Account account, String tokenHash, String newPasswordHash,
			ChangeOrigin origin, Instant now) {
		Credentials.Confirmation reset = account.credentials().passwordReset();
		if (!account.isActive() || reset == null || !reset.accepts(tokenHash, now)
				|| !Account.sameAddress(reset.email(), account.signInEmail())) {
			return Outcome.rejected(invalidLink());
		}
		return changePassword(account, newPasswordHash, How.RESET, origin, now);
	}

	/**
	 * Sets a new password (the caller checked the current one, or a reset link): recorded
	 * in the change history without any value; any reset link and any address awaiting
	 * confirmation are void; every linked service hears {@code password.changed} so it
	 * can end its own sessions.
	 */
	public static Outcome<AccountChange> changePassword(Account account, String newPasswordHash, How how,
			ChangeOrigin origin, Instant now) {
		ChangeHistoryEntry entry = new ChangeHistoryEntry(UUID.randomUUID().toString(), account.accountId(),
				account.revision(), ChangedField.PASSWORD, null, null, origin, now);
		List<ServiceChange> events = account.activeLinks()
			.stream()
			.map((link) -> new ServiceChange(ServiceChange.newId(), ServiceChange.PASSWORD_CHANGED, account.accountId(),
					link.serviceId(), link.serviceAccountId(), account.revision(), now, List.of(),
					Map.of("how", how.name()), origin))
			.toList();
		Credentials cleared = account.credentials().withPasswordReset(null).withEmailConfirmation(null);
		return Outcome.done(
				new AccountChange(account.id(), account.version(), null, null, null, null, events, List.of(entry), now)
					.withCredentials(cleared, account.signInEmail())
					.withPassword(newPasswordHash));
	}

	/**
	 * An unverified identity whose address its owner has now claimed: its password is
	 * void, each linked service account is cancelled with reason
	 * {@code EMAIL_CLAIMED_BY_OWNER}, and the identity is closed. A verified or closed
	 * identity is left as it is.
	 */
	public static Outcome<AccountChange> supersede(Account account, ChangeOrigin origin, Instant now) {
		return closeUnverified(account, EMAIL_CLAIMED_BY_OWNER, origin, now);
	}

	/**
	 * An identity whose address was never confirmed, long after its link expired: closed
	 * like a superseded one, its service accounts cancelled with reason
	 * {@code EMAIL_NOT_CONFIRMED}. An identity that was confirmed or asked for a new link
	 * meanwhile is left as it is.
	 */
	public static Outcome<AccountChange> closeUnconfirmed(Account account, Instant expiredBefore, ChangeOrigin origin,
			Instant now) {
		Credentials.Confirmation confirmation = account.credentials().emailConfirmation();
		if (confirmation != null && !confirmation.expiresAt().isBefore(expiredBefore)) {
			return Outcome.done(AccountChange.none(account.id(), account.version(), now));
		}
		return closeUnverified(account, EMAIL_NOT_CONFIRMED, origin, now);
	}

	private static Outcome<AccountChange> closeUnverified(Account account, String reason, ChangeOrigin origin,
			Instant now) {
		if (account.credentials().emailVerified() || account.status() != AccountStatus.ACTIVE) {
			return Outcome.done(AccountChange.none(account.id(), account.version(), now));
		}
		List<ServiceChange> events = new ArrayList<>();
		List<LinkedAccount> links = account.links().stream().map((link) -> {
			if (!link.isActive()) {
				return link;
			}
			Map<String, Object> data = new LinkedHashMap<>();
			data.put("cancelledBy", null);
			data.put("reason", reason);
			events.add(new ServiceChange(ServiceChange.newId(), ServiceChange.CANCELLED, account.accountId(),
					link.serviceId(), link.serviceAccountId(), account.revision(), now, List.of(), data, origin));
			return new LinkedAccount(link.serviceId(), link.serviceAccountId(), LinkStatus.CANCELLED, link.linkedAt(),
					now, null);
		}).toList();
		return Outcome
			.done(new AccountChange(account.id(), account.version(), null, null, links, AccountStatus.CLOSED, events,
					List.of(), now)
				.withCredentials(new Credentials(false, null, null, false), account.signInEmail())
				.withPassword(null));
	}

	static Rejection invalidLink() {
		return Rejection.of(UserErrorCode.INVALID_TOKEN,
				"This link was used already, replaced by a newer one, or has expired");
	}

	private static Outcome<AccountChange> askToConfirm(Account account, String email, String tokenHash,
			Instant expiresAt, Instant now) {
		if (account.credentials().emailVerified() && Account.sameAddress(email, account.signInEmail())) {
			return Outcome.done(AccountChange.none(account.id(), account.version(), now));
		}
		Credentials.Confirmation confirmation = new Credentials.Confirmation(email, tokenHash, expiresAt, now);
		return Outcome.done(AccountChange.none(account.id(), account.version(), now)
			.withCredentials(account.credentials().withEmailConfirmation(confirmation), account.signInEmail()));
	}

	private static boolean recently(Credentials.Confirmation earlier, Instant now) {
		return earlier != null && earlier.requestedAt() != null
				&& earlier.requestedAt().plus(LINK_INTERVAL).isAfter(now);
	}

	private static List<ServiceChange> emailVerifiedEvents(Account account, BasicDetails details, int revision,
			ChangeOrigin origin, Registry registry, Instant now) {
		List<ServiceChange> events = new ArrayList<>();
		for (LinkedAccount link : account.activeLinks()) {
			Service service = registry.service(link.serviceId()).orElse(null);
			if (service == null) {
				continue;
			}
			Map<String, Object> data = new LinkedHashMap<>();
			data.put("emailVerified", true);
			List<BasicDetailField> fields = service.isEntitledTo(BasicDetailField.EMAIL)
					? List.of(BasicDetailField.EMAIL) : List.of();
			data.putAll(details.asData(fields));
			events
				.add(new ServiceChange(ServiceChange.newId(), ServiceChange.SIGN_IN_EMAIL_VERIFIED, account.accountId(),
						service.id(), link.serviceAccountId(), revision, now, List.of(), data, origin));
		}
		return events;
	}

}
