package org.onesignin.hub.preferences;

import java.util.List;

import org.onesignin.hub.account.ServiceChange;
import org.onesignin.hub.account.ServiceChangeOutbox;
import org.onesignin.hub.shared.Page;
import org.onesignin.hub.shared.PageRequest;

/**
 * Port: each person's consent ledger, an append-only sequence of changes. A change holds
 * the records one decision appended and the outbox of events they produced, written in
 * one atomic insert; no stored document grows with the ledger.
 */
public interface ConsentLedgers extends ServiceChangeOutbox {

	/** The name of the ledgers' outbox. */
	String OUTBOX = "consent-ledgers";

	@Override
	default String name() {
		return OUTBOX;
	}

	/** The ledger's version (its number of changes, 0 when none) and every record. */
	Ledger load(String accountId);

	/**
	 * Appends records and their events if the ledger is still at {@code expectedVersion};
	 * false when another change came first (decide again).
	 */
	boolean append(String accountId, long expectedVersion, List<ConsentRecord> records, List<ServiceChange> events);

	/** The person's records oldest first, one page from the position on. */
	Page<ConsentRecord> history(String accountId, PageRequest page);

	/**
	 * Replaces the addresses in an erased person's records by pseudonyms and drops events
	 * not yet relayed (rule 9, erasure).
	 */
	void pseudonymise(String accountId, java.util.function.UnaryOperator<String> pseudonym);

	/** A ledger as loaded: its version and records. */
	record Ledger(String accountId, long version, List<ConsentRecord> records) {
	}

}
