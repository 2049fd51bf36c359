package org.onesignin.hub.preferences.persistence;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.bson.Document;
import org.onesignin.hub.account.ServiceChange;
import org.onesignin.hub.preferences.ConsentLedgers;
import org.onesignin.hub.preferences.ConsentRecord;
import org.onesignin.hub.shared.Page;
import org.onesignin.hub.shared.PagePosition;
import org.onesignin.hub.shared.PageRequest;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The ledgers as one {@link ConsentChangeDocument} per change. The unique id of the
 * change at version + 1 is the optimistic-concurrency check; an outbox is only ever
 * emptied, never added to after its change was inserted.
 */
@Component
class MongoConsentLedgers implements ConsentLedgers {

	private static final String ACCOUNT_ID = "accountId";

	private static final String SEQUENCE = "sequence";

	private static final String RECORDS = "records";

	private static final String OUTBOX = "outbox";

	private static final String HAS_OUTBOX = "hasOutbox";

	private final MongoTemplate mongo;

	private final ConsentChangeDocumentMapper mapper;

	MongoConsentLedgers(MongoTemplate mongo, ConsentChangeDocumentMapper mapper) {
		this.mongo = mongo;
		this.mapper = mapper;
		IndexOperations indexes = mongo.indexOps(ConsentChangeDocument.class);
		indexes.createIndex(new Index().on(ACCOUNT_ID, Sort.Direction.ASC)
			.on(SEQUENCE, Sort.Direction.ASC)
			.named("consent_change_order"));
		indexes.createIndex(new Index().on(HAS_OUTBOX, Sort.Direction.ASC).sparse().named("consent_change_outbox"));
	}

	@Override
	public Ledger load(String accountId) {
		Query query = Query.query(Criteria.where(ACCOUNT_ID).is(accountId)).with(Sort.by(SEQUENCE));
		query.fields().include(SEQUENCE, RECORDS);
		List<ConsentChangeDocument> changes = this.mongo.find(query, ConsentChangeDocument.class);
		long version = changes.isEmpty() ? 0 : changes.get(changes.size() - 1).sequence();
		return new Ledger(accountId, version,
				changes.stream().flatMap(MongoConsentLedgers::records).map(this.mapper::toDomain).toList());
	}

	@Override
	public boolean append(String accountId, long expectedVersion, List<ConsentRecord> records,
			List<ServiceChange> events) {
		try {
			this.mongo.insert(ConsentChangeDocument.of(accountId, expectedVersion + 1,
					records.stream().map(this.mapper::toDocument).toList(),
					events.stream().map(this.mapper::toDocument).toList()));
			return true;
		}
		catch (DuplicateKeyException ex) {
			// the change at this version exists: another one came first
			return false;
		}
	}

	@Override
	public Page<ConsentRecord> history(String accountId, PageRequest page) {
		RecordPosition after = RecordPosition.after(page.after());
		Query query = Query
			.query(Criteria.where(ACCOUNT_ID)
				.is(accountId)
				.and(SEQUENCE)
				.gte(after.sequence())
				.and(RECORDS + ".0")
				.exists(true))
			.with(Sort.by(SEQUENCE))
			// the change at the cursor may have no record left after it, each later one
			// has one: enough to fill the page and tell whether more follow
			.limit(page.size() + 2);
		query.fields().include(SEQUENCE, RECORDS);
		List<ConsentRecord> items = new ArrayList<>();
		List<PagePosition> positions = new ArrayList<>();
		for (ConsentChangeDocument change : this.mongo.find(query, ConsentChangeDocument.class)) {
			for (int index = 0; index < change.records().size(); index++) {
				RecordPosition position = new RecordPosition(change.sequence(), index);
				if (!position.isAfter(after)) {
					continue;
				}
				if (items.size() == page.size()) {
					return new Page<>(items, positions, true);
				}
				items.add(this.mapper.toDomain(change.records().get(index)));
				positions.add(position.toPagePosition());
			}
		}
		return new Page<>(items, positions, false);
	}

	@Override
	public void pseudonymise(String accountId, UnaryOperator<String> pseudonym) {
		for (ConsentChangeDocument change : this.mongo.find(Query.query(Criteria.where(ACCOUNT_ID).is(accountId)),
				ConsentChangeDocument.class)) {
			Update update = new Update().set(OUTBOX, List.of()).unset(HAS_OUTBOX);
			List<ConsentChangeDocument.RecordDocument> records = (change.records() != null) ? change.records()
					: List.of();
			for (int index = 0; index < records.size(); index++) {
				String address = records.get(index).address();
				if (address != null && !address.startsWith("pseudonym:")) {
					update.set(RECORDS + "." + index + ".address", pseudonym.apply(address));
				}
			}
			this.mongo.updateFirst(Query.query(Criteria.where("_id").is(change.id())), update,
					ConsentChangeDocument.class);
		}
	}

	@Override
	public List<Pending> pending(int limit) {
		Query query = Query.query(pendingChanges()).limit(limit);
		query.fields().include(ACCOUNT_ID);
		return this.mongo.find(query, Document.class, ConsentChangeDocument.COLLECTION)
			.stream()
			.map((change) -> change.getString(ACCOUNT_ID))
			.distinct()
			.map(this::pending)
			.flatMap(Optional::stream)
			.toList();
	}

	@Override
	public Optional<Pending> pending(String ownerId) {
		Query query = Query.query(pendingChanges().and(ACCOUNT_ID).is(ownerId)).with(Sort.by(SEQUENCE));
		query.fields().include(SEQUENCE, OUTBOX);
		List<ServiceChange> events = this.mongo.find(query, ConsentChangeDocument.class)
			.stream()
			.flatMap((change) -> change.outbox().stream())
			.map(this.mapper::toDomain)
			.toList();
		return events.isEmpty() ? Optional.empty() : Optional.of(new Pending(ownerId, events));
	}

	@Override
	public void remove(String ownerId, Collection<String> eventIds) {
		if (eventIds.isEmpty()) {
			return;
		}
		this.mongo.updateMulti(Query.query(Criteria.where(ACCOUNT_ID).is(ownerId).and(HAS_OUTBOX).is(true)),
				new Update().pull(OUTBOX, new Document("eventId", new Document("$in", List.copyOf(eventIds)))),
				ConsentChangeDocument.class);
		// a marker left behind by a crash between the two updates only costs an index
		// entry: pending changes are also asked to have an event
		this.mongo.updateMulti(Query
			.query(Criteria.where(ACCOUNT_ID).is(ownerId).and(HAS_OUTBOX).is(true).and(OUTBOX + ".0").exists(false)),
				new Update().unset(HAS_OUTBOX), ConsentChangeDocument.class);
	}

	/** Changes whose outbox holds an event, found through the sparse marker's index. */
	private static Criteria pendingChanges() {
		return Criteria.where(HAS_OUTBOX).is(true).and(OUTBOX + ".0").exists(true);
	}

	private static Stream<ConsentChangeDocument.RecordDocument> records(ConsentChangeDocument change) {
		return (change.records() != null) ? change.records().stream() : Stream.empty();
	}

}
