package org.onesignin.hub.preferences.persistence;

import java.util.ArrayList;
import java.util.List;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Rewrites every consent ledger still in its former shape (one growing document per
 * person) as one change per record, in order, the old outbox on the last change, then
 * removes the old document. Runs at start-up, before the hub takes requests or the relay
 * sweeps. Safe to repeat and to interrupt: each change is inserted under its
 * deterministic id only if absent, and the old document is removed only once all its
 * changes are stored. Should a former instance still write ledgers during a rolling
 * upgrade, the next start appends what it wrote after the person's stored changes.
 */
@Component
class ConsentLedgerMigration implements SmartInitializingSingleton {

	private static final int BATCH = 100;

	private static final Logger log = LoggerFactory.getLogger(ConsentLedgerMigration.class);

	private final MongoTemplate mongo;

	ConsentLedgerMigration(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public void afterSingletonsInstantiated() {
		Result result = migrate();
		if (result.migrated() > 0) {
			log.info("Consent ledgers rewritten as one document per change: {}", result.migrated());
		}
		if (result.appended() > 0) {
			log.warn("Consent ledgers written by a former instance after an earlier migration, appended after the "
					+ "changes stored since: {}", result.appended());
		}
	}

	/** Migrates every ledger in the former shape. */
	Result migrate() {
		int migrated = 0;
		int appended = 0;
		String last = null;
		List<String> ids;
		do {
			ids = ledgerIdsAfter(last);
			for (String id : ids) {
				last = id;
				ConsentLedgerDocument ledger = this.mongo.findById(id, ConsentLedgerDocument.class);
				if (ledger == null) {
					// another instance migrated it meanwhile
					continue;
				}
				if (migrate(ledger)) {
					migrated++;
				}
				else {
					appended++;
				}
			}
		}
		while (ids.size() == BATCH);
		return new Result(migrated, appended);
	}

	private List<String> ledgerIdsAfter(String last) {
		Query query = (last != null) ? Query.query(Criteria.where("_id").gt(last)) : new Query();
		query.with(Sort.by("_id")).limit(BATCH).fields().include("_id");
		return this.mongo.find(query, Document.class, ConsentLedgerDocument.COLLECTION)
			.stream()
			.map((ledger) -> ledger.getString("_id"))
			.toList();
	}

	/**
	 * Stores the ledger's changes and removes it; false when the person's ledger already
	 * held other changes (a former instance wrote after an earlier migration), and the
	 * former records were appended after them instead, so no record is lost or hidden.
	 */
	private boolean migrate(ConsentLedgerDocument ledger) {
		boolean inPlace = true;
		for (ConsentChangeDocument change : changesOf(ledger)) {
			if (!insertIfAbsent(change)) {
				appendAfterStored(ledger);
				inPlace = false;
				break;
			}
		}
		this.mongo.remove(Query.query(Criteria.where("_id").is(ledger.id())), ConsentLedgerDocument.class);
		return inPlace;
	}

	/**
	 * Appends the ledger's records not stored yet, one change each after the last stored
	 * change (the outbox on the last), deciding again when another change comes first.
	 */
	private void appendAfterStored(ConsentLedgerDocument ledger) {
		List<ConsentChangeDocument.RecordDocument> missing = new ArrayList<>(orEmpty(ledger.records()));
		List<ConsentChangeDocument.EventDocument> outbox = orEmpty(ledger.outbox());
		while (!missing.isEmpty() || !outbox.isEmpty()) {
			Stored stored = storedOf(ledger.id());
			missing.removeIf((record) -> stored.recordIds().contains(record.recordId()));
			if (missing.isEmpty() && outbox.isEmpty()) {
				return;
			}
			boolean lastRecord = missing.size() <= 1;
			ConsentChangeDocument change = ConsentChangeDocument.of(ledger.id(), stored.lastSequence() + 1,
					missing.isEmpty() ? List.of() : List.of(missing.get(0)), lastRecord ? outbox : List.of());
			try {
				this.mongo.insert(change);
				if (lastRecord) {
					return;
				}
			}
			catch (DuplicateKeyException ex) {
				// another change took that sequence: read the ledger again
			}
		}
	}

	private Stored storedOf(String accountId) {
		Query query = Query.query(Criteria.where("accountId").is(accountId));
		query.fields().include("sequence", "records.recordId");
		long last = 0;
		java.util.Set<String> recordIds = new java.util.HashSet<>();
		for (ConsentChangeDocument change : this.mongo.find(query, ConsentChangeDocument.class)) {
			last = Math.max(last, change.sequence());
			recordIds.addAll(recordIds(change));
		}
		return new Stored(last, recordIds);
	}

	/** What a person's ledger holds already: its last change and its records' ids. */
	private record Stored(long lastSequence, java.util.Set<String> recordIds) {
	}

	/** One change per record, the outbox on the last (on a change of its own if none). */
	private static List<ConsentChangeDocument> changesOf(ConsentLedgerDocument ledger) {
		List<ConsentChangeDocument.RecordDocument> records = orEmpty(ledger.records());
		List<ConsentChangeDocument.EventDocument> outbox = orEmpty(ledger.outbox());
		List<ConsentChangeDocument> changes = new ArrayList<>();
		for (int index = 0; index < records.size(); index++) {
			boolean lastRecord = index == records.size() - 1;
			changes.add(ConsentChangeDocument.of(ledger.id(), index + 1, List.of(records.get(index)),
					lastRecord ? outbox : List.of()));
		}
		if (records.isEmpty() && !outbox.isEmpty()) {
			changes.add(ConsentChangeDocument.of(ledger.id(), 1, List.of(), outbox));
		}
		return changes;
	}

	/**
	 * Inserts the change unless an interrupted run stored it already; false when its id
	 * holds another change.
	 */
	private boolean insertIfAbsent(ConsentChangeDocument change) {
		try {
			this.mongo.insert(change);
			return true;
		}
		catch (DuplicateKeyException ex) {
			ConsentChangeDocument stored = this.mongo.findById(change.id(), ConsentChangeDocument.class);
			return stored != null && recordIds(stored).equals(recordIds(change));
		}
	}

	private static List<String> recordIds(ConsentChangeDocument change) {
		return orEmpty(change.records()).stream().map(ConsentChangeDocument.RecordDocument::recordId).toList();
	}

	private static <T> List<T> orEmpty(List<T> list) {
		return (list != null) ? list : List.of();
	}

	/**
	 * How many ledgers were migrated in place, and how many appended after changes
	 * already stored for the person.
	 */
	record Result(int migrated, int appended) {
	}

}
