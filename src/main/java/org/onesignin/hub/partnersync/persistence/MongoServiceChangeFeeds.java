package org.onesignin.hub.partnersync.persistence;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.onesignin.hub.account.ServiceChange;
import org.onesignin.hub.account.ServiceChangeSink;
import org.onesignin.hub.partnersync.FeedEntry;
import org.onesignin.hub.partnersync.ServiceChangeFeeds;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Sort;
import org.springframework.data.domain.Window;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The feeds in MongoDB. Sequences come from one counter document per service; the relay
 * that appends is the only writer (one at a time across instances), so entries become
 * visible in sequence order and a reader never finds a new entry before its cursor.
 */
@Component
class MongoServiceChangeFeeds implements ServiceChangeFeeds, ServiceChangeSink {

	private static final String SEQUENCES = "feed_sequences";

	private static final String ACKNOWLEDGEMENTS = "feed_acknowledgements";

	private final MongoTemplate mongo;

	private final FeedEntryDocumentMapper mapper;

	MongoServiceChangeFeeds(MongoTemplate mongo, FeedEntryDocumentMapper mapper) {
		this.mongo = mongo;
		this.mapper = mapper;
		mongo.indexOps(FeedEntryDocument.class)
			.createIndex(new Index().on("serviceId", Sort.Direction.ASC)
				.on("sequence", Sort.Direction.ASC)
				.unique()
				.named("feed_cursor"));
	}

	@Override
	public void append(ServiceChange change) {
		if (this.mongo.exists(Query.query(Criteria.where("_id").is(change.id())), FeedEntryDocument.class)) {
			return;
		}
		long sequence = nextSequence(change.serviceId());
		try {
			this.mongo.insert(this.mapper.toDocument(change, sequence));
		}
		catch (DuplicateKeyException ex) {
			// appended by an earlier, interrupted run: keep that copy (the sequence stays
			// unused)
		}
	}

	@Override
	public Window<FeedEntry> page(String serviceId, ScrollPosition position, int count) {
		Query query = Query.query(Criteria.where("serviceId").is(serviceId))
			.with(Sort.by("sequence"))
			.with(position)
			.limit(count);
		return org.onesignin.hub.shared.persistence.Cursors
			.scroll(() -> this.mongo.scroll(query, FeedEntryDocument.class))
			.map(this.mapper::toDomain);
	}

	@Override
	public boolean contains(String serviceId, long sequence) {
		return this.mongo.exists(Query.query(Criteria.where("serviceId").is(serviceId).and("sequence").is(sequence)),
				FeedEntryDocument.class);
	}

	@Override
	public Map<String, Integer> latestRevisions(String serviceId, long after, long upTo) {
		Query query = Query.query(Criteria.where("serviceId").is(serviceId).and("sequence").gt(after).lte(upTo));
		query.fields().include("accountId", "revision");
		Map<String, Integer> latest = new LinkedHashMap<>();
		this.mongo.find(query, Document.class, "service_changes")
			.forEach((doc) -> latest.merge(doc.getString("accountId"), doc.getInteger("revision"), Math::max));
		return latest;
	}

	@Override
	public long acknowledgedUpTo(String serviceId) {
		Document doc = this.mongo.findById(serviceId, Document.class, ACKNOWLEDGEMENTS);
		return (doc != null) ? ((Number) doc.get("upTo")).longValue() : 0L;
	}

	@Override
	public void recordAcknowledged(String serviceId, long upTo) {
		this.mongo.upsert(Query.query(Criteria.where("_id").is(serviceId)), new Update().max("upTo", upTo),
				ACKNOWLEDGEMENTS);
	}

	@Override
	public List<FeedEntry> all(String serviceId) {
		return this.mongo
			.find(Query.query(Criteria.where("serviceId").is(serviceId)).with(Sort.by("sequence")),
					FeedEntryDocument.class)
			.stream()
			.map(this.mapper::toDomain)
			.toList();
	}

	@Override
	public List<FeedEntry> after(String serviceId, long sequence, int limit) {
		return this.mongo
			.find(Query.query(Criteria.where("serviceId").is(serviceId).and("sequence").gt(sequence))
				.with(Sort.by("sequence"))
				.limit(limit), FeedEntryDocument.class)
			.stream()
			.map(this.mapper::toDomain)
			.toList();
	}

	@Override
	public long lastSequence(String serviceId) {
		FeedEntryDocument last = this.mongo.findOne(
				Query.query(Criteria.where("serviceId").is(serviceId)).with(Sort.by(Sort.Direction.DESC, "sequence")),
				FeedEntryDocument.class);
		return (last != null) ? last.sequence() : 0L;
	}

	@Override
	public List<FeedEntry> forAccount(String accountId) {
		return this.mongo
			.find(Query.query(Criteria.where("accountId").is(accountId)).with(Sort.by("serviceId", "sequence")),
					FeedEntryDocument.class)
			.stream()
			.map(this.mapper::toDomain)
			.toList();
	}

	@Override
	public void eraseData(String accountId) {
		this.mongo.updateMulti(Query.query(Criteria.where("accountId").is(accountId)),
				new Update().set("data", Map.of()).set("serviceAccountId", "erased"), FeedEntryDocument.class);
	}

	private long nextSequence(String serviceId) {
		Document counter = this.mongo.findAndModify(Query.query(Criteria.where("_id").is(serviceId)),
				new Update().inc("sequence", 1L), FindAndModifyOptions.options().upsert(true).returnNew(true),
				Document.class, SEQUENCES);
		return ((Number) counter.get("sequence")).longValue();
	}

}
