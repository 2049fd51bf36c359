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
 * changes are stored. (It assumes no instance of the former version still writes
 * ledgers.)
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
		if (result.kept() > 0) {
			log.warn("Consent ledgers kept in their former shape (their changes conflict with stored ones): {}",
					result.kept());
		}
	}

	/** Migrates every ledger in the former shape. */
	Result migrate() {
		int migrated = 0;
		int kept = 0;
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
					kept++;
				}
			}
		}
		while (ids.size() == BATCH);
		return new Result(migrated, kept);
	}

	private List<String> ledgerIdsAfter(String last) {
		Query query = (last != null) ? Query.query(Criteria.where("_id").gt(last)) : new Query();
		query.with(Sort.by("_id")).limit(BATCH).fields().include("_id");
		return this.mongo.find(query, Document.class, ConsentLedgerDocument.COLLECTION)
			.stream()
			.map((ledger) -> ledger.getString("_id"))
			.toList();
	}

	private boolean migrate(ConsentLedgerDocument ledger) {
		for (ConsentChangeDocument change : changesOf(ledger)) {
			if (!insertIfAbsent(change)) {
				return false;
			}
		}
		this.mongo.remove(Query.query(Criteria.where("_id").is(ledger.id())), ConsentLedgerDocument.class);
		return true;
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

	/** How many ledgers were migrated, and how many kept because of a conflict. */
	record Result(int migrated, int kept) {
	}

}
