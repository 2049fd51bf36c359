package org.onesignin.hub.partnersync.persistence;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.onesignin.hub.account.ServiceChange;
import org.onesignin.hub.partnersync.FeedEntry;
import org.onesignin.hub.shared.Page;
import org.onesignin.hub.shared.PageRequest;
import org.onesignin.hub.partnersync.ServiceChangeFeeds;
import org.onesignin.hub.partnersync.ServiceChangeSink;
import org.onesignin.hub.shared.persistence.Cursors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The feeds in MongoDB, append-only and gap-free in cursor order even with several hub
 * instances:
 * <ul>
 * <li>each service has a counter document holding the last sequence taken, the epoch of
 * the relay that may take more, and the {@code published} mark readers never read past;
 * <li>a relay takes a sequence only while no later epoch has touched the counter, inserts
 * its entry, then moves the mark up to it;
 * <li>a relay of a new epoch first fences the counter, fills every sequence an earlier
 * relay took but did not fill with an invisible placeholder (so that earlier relay's late
 * insert fails on the unique cursor index and its event stays in the outbox for the new
 * relay), and only then moves the mark.
 * </ul>
 * So nothing ever appears at or below a mark a reader has seen.
 */
@Component
class MongoServiceChangeFeeds implements ServiceChangeFeeds, ServiceChangeSink {

	static final String PLACEHOLDER = "placeholder";

	private static final String SEQUENCES = "feed_sequences";

	private static final String ACKNOWLEDGEMENTS = "feed_acknowledgements";

	private static final String FEED = "service_changes";

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
	public void append(ServiceChange change, long epoch) {
		if (this.mongo.exists(Query.query(Criteria.where("_id").is(change.id())), FeedEntryDocument.class)) {
			return;
		}
		insertAt(change, allocate(change.serviceId(), epoch), epoch);
	}

	@Override
	public void takeOver(long epoch) {
		for (Document counter : this.mongo.findAll(Document.class, SEQUENCES)) {
			String serviceId = counter.getString("_id");
			Document fenced = this.mongo.findAndModify(
					Query.query(Criteria.where("_id").is(serviceId)).addCriteria(notLaterThan(epoch)),
					new Update().set("epoch", epoch), FindAndModifyOptions.options().returnNew(true), Document.class,
					SEQUENCES);
			if (fenced == null) {
				throw new FencedException();
			}
			long taken = number(fenced, "sequence");
			for (long sequence = number(fenced, "published") + 1; sequence <= taken; sequence++) {
				try {
					this.mongo.insert(new FeedEntryDocument(PLACEHOLDER + ":" + serviceId + ":" + sequence, serviceId,
							sequence, PLACEHOLDER, null, null, 0, null, List.of(), Map.of(), null));
				}
				catch (DuplicateKeyException ex) {
					// that sequence was filled by its relay in time: it stays as it is
				}
			}
			publish(serviceId, taken, epoch);
		}
	}

	/**
	 * Appends many changes with a few store commands, whatever their number: one lookup
	 * of those already there, one block of sequences taken per service, one insert of
	 * every entry, one update of the published marks. Each service's entries keep their
	 * order in {@code changes}. Fenced like {@link #append}: a sequence a later relay
	 * closed fails the insert, and what was not appended stays in its outbox for that
	 * relay.
	 */
	@Override
	public void appendAll(List<ServiceChange> changes, long epoch) {
		if (changes.isEmpty()) {
			return;
		}
		Query known = Query.query(Criteria.where("_id").in(changes.stream().map(ServiceChange::id).toList()));
		known.fields().include("_id");
		java.util.Set<String> present = new java.util.HashSet<>();
		this.mongo.find(known, Document.class, FEED).forEach((doc) -> present.add(doc.getString("_id")));
		Map<String, List<ServiceChange>> byService = new LinkedHashMap<>();
		for (ServiceChange change : changes) {
			if (!present.contains(change.id())) {
				byService.computeIfAbsent(change.serviceId(), (service) -> new java.util.ArrayList<>()).add(change);
			}
		}
		if (byService.isEmpty()) {
			return;
		}
		Map<String, Long> lastTaken = allocateAll(byService, epoch);
		List<FeedEntryDocument> entries = new java.util.ArrayList<>();
		byService.forEach((serviceId, serviceChanges) -> {
			long sequence = lastTaken.get(serviceId) - serviceChanges.size();
			for (ServiceChange change : serviceChanges) {
				entries.add(this.mapper.toDocument(change, ++sequence));
			}
		});
		try {
			this.mongo.insertAll(entries);
		}
		catch (DuplicateKeyException | org.springframework.data.mongodb.BulkOperationException ex) {
			// a sequence closed by a later relay (the changes already there were left
			// out above): the rest stays in the outbox for that relay
			throw new FencedException();
		}
		BulkOperations publish = this.mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, SEQUENCES);
		lastTaken.forEach((serviceId, taken) -> publish.updateOne(
				Query.query(Criteria.where("_id").is(serviceId).and("epoch").is(epoch)),
				new Update().max("published", taken)));
		publish.execute();
	}

	/**
	 * Takes a block of sequences for each service (as many as it has changes), with one
	 * write for all and one read of where each block ends; fenced like {@link #allocate}.
	 * Within an epoch only this relay takes sequences; a later relay that took over
	 * between the write and the read has set its own epoch on the counter, which the read
	 * then misses (fenced), and one that takes over after the read fills this block with
	 * placeholders, which the insert then meets (fenced).
	 */
	private Map<String, Long> allocateAll(Map<String, List<ServiceChange>> byService, long epoch) {
		BulkOperations take = this.mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, SEQUENCES);
		byService.forEach((serviceId, changes) -> take.upsert(
				Query.query(Criteria.where("_id").is(serviceId)).addCriteria(notLaterThan(epoch)),
				new Update().inc("sequence", (long) changes.size()).set("epoch", epoch)));
		try {
			take.execute();
		}
		catch (DuplicateKeyException | org.springframework.data.mongodb.BulkOperationException ex) {
			// the upsert of a counter a later epoch fenced
			throw new FencedException();
		}
		Map<String, Long> lastTaken = new LinkedHashMap<>();
		// read under this epoch: a counter that a later relay fenced since (and may
		// have moved) is missing from the answer, and this relay stops
		this.mongo
			.find(Query.query(Criteria.where("_id").in(byService.keySet()).and("epoch").is(epoch)), Document.class,
					SEQUENCES)
			.forEach((counter) -> lastTaken.put(counter.getString("_id"), number(counter, "sequence")));
		if (!lastTaken.keySet().equals(byService.keySet())) {
			throw new FencedException();
		}
		return lastTaken;
	}

	/** Takes the service's next sequence, unless a relay of a later epoch took over. */
	long allocate(String serviceId, long epoch) {
		try {
			Document counter = this.mongo.findAndModify(
					Query.query(Criteria.where("_id").is(serviceId)).addCriteria(notLaterThan(epoch)),
					new Update().inc("sequence", 1L).set("epoch", epoch),
					FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, SEQUENCES);
			return number(counter, "sequence");
		}
		catch (DuplicateKeyException ex) {
			throw new FencedException();
		}
	}

	/**
	 * Fills a taken sequence and publishes it; fails if a later relay closed it
	 * meanwhile.
	 */
	void insertAt(ServiceChange change, long sequence, long epoch) {
		try {
			this.mongo.insert(this.mapper.toDocument(change, sequence));
		}
		catch (DuplicateKeyException ex) {
			if (this.mongo.exists(Query.query(Criteria.where("_id").is(change.id())), FeedEntryDocument.class)) {
				// appended by an earlier, interrupted run: keep that copy
				return;
			}
			// the sequence was closed by a later relay:
			// the event stays in the outbox for it
			throw new FencedException();
		}
		publish(change.serviceId(), sequence, epoch);
	}

	@Override
	public Page<FeedEntry> page(String serviceId, PageRequest page) {
		Query query = visible(serviceId).with(Sort.by("sequence")).limit(page.size());
		return Cursors.scroll(page, (position) -> this.mongo.scroll(query.with(position), FeedEntryDocument.class),
				this.mapper::toDomain);
	}

	@Override
	public boolean contains(String serviceId, long sequence) {
		return this.mongo.exists(visible(serviceId).addCriteria(Criteria.where("sequence").is(sequence)),
				FeedEntryDocument.class);
	}

	@Override
	public Map<String, Integer> latestRevisions(String serviceId, long after, long upTo) {
		Query query = visible(serviceId).addCriteria(Criteria.where("sequence").gt(after).lte(upTo));
		query.fields().include("accountId", "revision");
		Map<String, Integer> latest = new LinkedHashMap<>();
		this.mongo.find(query, Document.class, FEED)
			.forEach((doc) -> latest.merge(doc.getString("accountId"), doc.getInteger("revision"), Math::max));
		return latest;
	}

	@Override
	public long acknowledgedUpTo(String serviceId) {
		Document doc = this.mongo.findById(serviceId, Document.class, ACKNOWLEDGEMENTS);
		return (doc != null) ? number(doc, "upTo") : 0L;
	}

	@Override
	public void recordAcknowledged(String serviceId, long upTo) {
		this.mongo.upsert(Query.query(Criteria.where("_id").is(serviceId)), new Update().max("upTo", upTo),
				ACKNOWLEDGEMENTS);
	}

	@Override
	public List<FeedEntry> all(String serviceId) {
		return this.mongo.find(visible(serviceId).with(Sort.by("sequence")), FeedEntryDocument.class)
			.stream()
			.map(this.mapper::toDomain)
			.toList();
	}

	@Override
	public List<FeedEntry> after(String serviceId, long sequence, int limit) {
		return this.mongo
			.find(visible(serviceId).addCriteria(Criteria.where("sequence").gt(sequence))
				.with(Sort.by("sequence"))
				.limit(limit), FeedEntryDocument.class)
			.stream()
			.map(this.mapper::toDomain)
			.toList();
	}

	@Override
	public long lastSequence(String serviceId) {
		return published(serviceId);
	}

	@Override
	public Page<FeedEntry> pageForAccount(String accountId, PageRequest page) {
		Query query = Query.query(Criteria.where("accountId").is(accountId))
			.with(Sort.by("serviceId", "sequence"))
			.limit(page.size());
		return Cursors.scroll(page, (position) -> this.mongo.scroll(query.with(position), FeedEntryDocument.class),
				this.mapper::toDomain);
	}

	@Override
	public void eraseData(String accountId) {
		this.mongo.updateMulti(Query.query(Criteria.where("accountId").is(accountId)),
				new Update().set("data", Map.of()).set("serviceAccountId", "erased"), FeedEntryDocument.class);
	}

	/** A service's real entries up to its published mark. */
	private Query visible(String serviceId) {
		return Query.query(Criteria.where("serviceId")
			.is(serviceId)
			.and("sequence")
			.lte(published(serviceId))
			.and("type")
			.ne(PLACEHOLDER));
	}

	private long published(String serviceId) {
		Document counter = this.mongo.findById(serviceId, Document.class, SEQUENCES);
		return (counter != null) ? number(counter, "published") : 0L;
	}

	private void publish(String serviceId, long sequence, long epoch) {
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(serviceId).and("epoch").is(epoch)),
				new Update().max("published", sequence), SEQUENCES);
	}

	private static Criteria notLaterThan(long epoch) {
		return new Criteria().orOperator(Criteria.where("epoch").lte(epoch), Criteria.where("epoch").exists(false));
	}

	private static long number(Document document, String field) {
		Object value = document.get(field);
		return (value instanceof Number number) ? number.longValue() : 0L;
	}

	/** A relay of a later epoch took over: this one may append nothing more. */
	static final class FencedException extends IllegalStateException {

		FencedException() {
			super("A relay of a later epoch took over the feed");
		}

	}

}
