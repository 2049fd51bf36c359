package org.onesignin.hub.account;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.onesignin.hub.shared.Page;
import org.onesignin.hub.shared.PageRequest;

/**
 * Port: where accounts are kept. Every write is one atomic single-document update, so an
 * account, its revision and the events its change produces are stored together.
 */
public interface Accounts {

	Optional<Account> findById(AccountId id);

	Optional<Account> findBySignInEmail(String email);

	/**
	 * Stores a new account with the events of its creation; false when the sign-in email
	 * is taken.
	 */
	boolean insert(Account account, List<ServiceChange> events, List<org.onesignin.hub.mail.Mail> mails);

	/**
	 * Active identities using the address whose sign-in email is not verified yet, at
	 * most {@code limit}.
	 */
	List<Account> findUnverifiedByEmail(String email, int limit);

	/**
	 * Verified identities whose claim of their address is still pending (other identities
	 * using it are to be superseded), at most {@code limit}.
	 */
	List<Account> findPendingClaims(int limit);

	/**
	 * Active unverified identities registered since {@code since}, at most {@code limit}.
	 */
	List<Account> findUnverifiedRegisteredSince(java.time.Instant since, int limit);

	/**
	 * Active unverified identities whose confirmation link expired before
	 * {@code expiredBefore}, at most {@code limit}.
	 */
	List<Account> findUnconfirmedExpiredBefore(java.time.Instant expiredBefore, int limit);

	/** Records that the identity's claim of its address is settled. */
	void claimSettled(AccountId id);

	/**
	 * The identity whose link awaiting use has this token hash (a confirmation or a
	 * reset).
	 */
	Optional<Account> findByLinkTokenHash(String tokenHash);

	/**
	 * Accounts holding mails not yet handed to the mail outbox, at most {@code limit}.
	 */
	List<PendingMails> findPendingMails(int limit);

	Optional<PendingMails> findPendingMails(AccountId id);

	/** Removes mails handed to the mail outbox. */
	void removeMails(AccountId id, Collection<String> mailIds);

	/**
	 * Applies a decided change if the account is still at the version it was decided on,
	 * and answers the account as written (one store command for both).
	 */
	Written apply(AccountChange change);

	/**
	 * Accounts whose outbox holds events or history not yet relayed, at most
	 * {@code limit}.
	 */
	List<Outbox> findPendingOutboxes(int limit);

	/** The non-empty outboxes of these accounts, in one read. */
	List<Outbox> findPendingOutboxes(Collection<AccountId> ids);

	/**
	 * Removes relayed entries from the accounts' outboxes (what each outbox names), in
	 * one write.
	 */
	void removeFromOutboxes(List<Outbox> relayed);

	/**
	 * Records that a service applied the account's changes up to a revision (never goes
	 * back).
	 */
	void acknowledge(AccountId id, String serviceId, int revision);

	/**
	 * Closed identities whose retention ended before {@code closedBefore} and are not yet
	 * erased.
	 */
	List<AccountId> findDueForErasure(java.time.Instant closedBefore, int limit);

	/**
	 * Erases an identity's basic details, credentials and service account ids, keeping
	 * its pseudonymous id, status and times. Idempotent.
	 */
	void erase(AccountId id, java.time.Instant now);

	/**
	 * Active accounts with an active link to one of the services, matching every given
	 * criterion (exact normalised email, exact E.164 phone, case-insensitive name
	 * prefix), in id order from the position on.
	 */
	Page<Account> search(java.util.Set<String> serviceIds, String emailKey, String phone, String namePrefix,
			PageRequest page);

	/**
	 * The mails of one account awaiting their hand-over, in the order they were written.
	 */
	record PendingMails(AccountId accountId, List<PendingMail> mails) {
	}

	/** One mail awaiting its hand-over, with the id it is removed by. */
	record PendingMail(String id, org.onesignin.hub.mail.Mail mail) {
	}

	/** Outcome of a conditional write. */
	enum WriteResult {

		APPLIED, VERSION_CONFLICT, EMAIL_TAKEN

	}

	/** A conditional write's outcome, and the account as written when it was applied. */
	record Written(WriteResult result, Account account) {
	}

	/**
	 * The unrelayed events and history entries of one account, in the order they were
	 * written.
	 */
	record Outbox(AccountId accountId, List<ServiceChange> events, List<ChangeHistoryEntry> history) {
	}

}
