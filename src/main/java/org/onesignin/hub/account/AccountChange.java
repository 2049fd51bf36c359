package org.onesignin.hub.account;

import java.time.Instant;
import java.util.List;

import org.onesignin.hub.mail.Mail;

/**
 * Everything one accepted change writes to an account, applied as one atomic update
 * conditioned on the version the change was decided on: the new details and revision (if
 * basic details changed), the links (if one was made or cancelled), the status (if the
 * identity was closed), the credentials (with the sign-in email they are for) and
 * password, and the events, history entries and mails the change produced (the outbox),
 * so a crash can never keep the change and lose what must follow it.
 */
public record AccountChange(AccountId accountId, long expectedVersion, Integer newRevision, BasicDetails newDetails,
		List<LinkedAccount> links, AccountStatus newStatus, List<ServiceChange> events,
		List<ChangeHistoryEntry> history, Instant time, Credentials newCredentials, String signInEmail,
		PasswordChange newPassword, List<Mail> mails) {

	public AccountChange {
		links = (links != null) ? List.copyOf(links) : null;
		events = List.copyOf(events);
		history = List.copyOf(history);
		mails = List.copyOf(mails);
	}

	public AccountChange(AccountId accountId, long expectedVersion, Integer newRevision, BasicDetails newDetails,
			List<LinkedAccount> links, AccountStatus newStatus, List<ServiceChange> events,
			List<ChangeHistoryEntry> history, Instant time) {
		this(accountId, expectedVersion, newRevision, newDetails, links, newStatus, events, history, time, null, null,
				null, List.of());
	}

	/**
	 * A decision that writes nothing (an idempotent repeat, or no effective difference).
	 */
	static AccountChange none(AccountId accountId, long version, Instant time) {
		return new AccountChange(accountId, version, null, null, null, null, List.of(), List.of(), time);
	}

	/** The same change, also writing the credentials kept for this sign-in email. */
	AccountChange withCredentials(Credentials credentials, String email) {
		return new AccountChange(this.accountId, this.expectedVersion, this.newRevision, this.newDetails, this.links,
				this.newStatus, this.events, this.history, this.time, credentials, email, this.newPassword, this.mails);
	}

	/** The same change, also writing a new password hash (null: no password at all). */
	AccountChange withPassword(String passwordHash) {
		return new AccountChange(this.accountId, this.expectedVersion, this.newRevision, this.newDetails, this.links,
				this.newStatus, this.events, this.history, this.time, this.newCredentials, this.signInEmail,
				new PasswordChange(passwordHash), this.mails);
	}

	/** The same change, also sending these mails once it is written. */
	public AccountChange withMails(List<Mail> mails) {
		return new AccountChange(this.accountId, this.expectedVersion, this.newRevision, this.newDetails, this.links,
				this.newStatus, this.events, this.history, this.time, this.newCredentials, this.signInEmail,
				this.newPassword, mails);
	}

	public boolean isEmpty() {
		return this.newDetails == null && this.links == null && this.newStatus == null && this.events.isEmpty()
				&& this.history.isEmpty() && this.newCredentials == null && this.newPassword == null
				&& this.mails.isEmpty();
	}

	/** A new password hash; null hash: the password is void. */
	public record PasswordChange(String hash) {
	}

}
