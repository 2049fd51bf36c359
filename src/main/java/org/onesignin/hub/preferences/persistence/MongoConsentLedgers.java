package org.onesignin.hub.preferences.persistence;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.onesignin.hub.account.ServiceChange;
import org.onesignin.hub.preferences.ConsentLedgers;
import org.onesignin.hub.preferences.ConsentRecord;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

@Component
class MongoConsentLedgers implements ConsentLedgers {

	private final MongoTemplate mongo;

	private final ConsentLedgerDocumentMapper mapper;

	MongoConsentLedgers(MongoTemplate mongo, ConsentLedgerDocumentMapper mapper) {
		this.mongo = mongo;
		this.mapper = mapper;
	}

	@Override
	public Ledger load(String accountId) {
		ConsentLedgerDocument document = this.mongo.findById(accountId, ConsentLedgerDocument.class);
		if (document == null) {
			return new Ledger(accountId, 0, List.of());
		}
		return new Ledger(accountId, document.version(), (document.records() != null)
				? document.records().stream().map(this.mapper::toDomain).toList() : List.of());
	}

	@Override
	public boolean append(String accountId, long expectedVersion, List<ConsentRecord> records,
			List<ServiceChange> events) {
		Query query = Query.query(Criteria.where("_id").is(accountId).and("version").is(expectedVersion));
		Update update = new Update().inc("version", 1)
			.push("records")
			.each(records.stream().map(this.mapper::toDocument).toArray());
		if (!events.isEmpty()) {
			update.push("outbox").each(events.stream().map(this.mapper::toDocument).toArray());
		}
		try {
			if (expectedVersion == 0) {
				// a first record creates the ledger;
				// a concurrent first record loses on the unique id
				this.mongo.upsert(query, update, ConsentLedgerDocument.class);
				return true;
			}
			return this.mongo.updateFirst(query, update, ConsentLedgerDocument.class).getMatchedCount() == 1;
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
	}

	@Override
	public void pseudonymise(String accountId, java.util.function.UnaryOperator<String> pseudonym) {
		Ledger ledger = load(accountId);
		Update update = new Update().set("outbox", List.of());
		for (int index = 0; index < ledger.records().size(); index++) {
			String address = ledger.records().get(index).address();
			if (address != null && !address.startsWith("pseudonym:")) {
				update.set("records." + index + ".address", pseudonym.apply(address));
			}
		}
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(accountId)), update, ConsentLedgerDocument.class);
	}

	@Override
	public List<Pending> pending(int limit) {
		Query query = Query.query(Criteria.where("outbox.0").exists(true)).limit(limit);
		return this.mongo.find(query, ConsentLedgerDocument.class).stream().map(this::pending).toList();
	}

	@Override
	public Optional<Pending> pending(String ownerId) {
		return Optional.ofNullable(this.mongo.findById(ownerId, ConsentLedgerDocument.class))
			.map(this::pending)
			.filter((p) -> !p.events().isEmpty());
	}

	@Override
	public void remove(String ownerId, Collection<String> eventIds) {
		if (eventIds.isEmpty()) {
			return;
		}
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(ownerId)),
				new Update().pull("outbox", new Document("eventId", new Document("$in", List.copyOf(eventIds)))),
				ConsentLedgerDocument.class);
	}

	private Pending pending(ConsentLedgerDocument document) {
		return new Pending(document.id(), (document.outbox() != null)
				? document.outbox().stream().map(this.mapper::toDomain).toList() : List.of());
	}

}
