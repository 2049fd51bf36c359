package org.onesignin.hub.embeddedstore;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.QueryParameters;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;

/**
 * A collection of the embedded store that uses its indexes the way MongoDB does, and
 * reads without the collection's lock.
 *
 * <p>
 * The H2 backend uses an index only when a query names exactly that index's fields, so
 * {@code {_id: x, version: 3}} (every conditional update of an account) read the whole
 * collection. Here the candidates come from the most selective index that any conjunct of
 * the query can use (a top-level field, the parts of an {@code $and}, or every branch of
 * an {@code $or}), and each candidate is then matched against the whole query: an index
 * only narrows, it never decides.
 *
 * <p>
 * Writes still take the collection's lock, one at a time; queries do not: the documents
 * live in an H2 {@code MVMap} (safe to read while it changes) and the indexes are
 * thread-safe, so a read never waits behind a write. Like a MongoDB query that yields, a
 * read concurrent with an update that changes an indexed field may miss that document.
 */
final class IndexedH2Collection extends H2Collection {

	private volatile List<Index<Object>> indexes = List.of();

	IndexedH2Collection(MongoDatabase database, String collectionName, CollectionOptions options,
			MVMap<Object, Document> dataMap, MVMap<String, Object> metaMap, CursorRegistry cursorRegistry) {
		super(database, collectionName, options, dataMap, metaMap, cursorRegistry);
	}

	@Override
	public synchronized void addIndex(Index<Object> index) {
		super.addIndex(index);
		if (index instanceof UniqueIndex unique) {
			unique.built();
		}
		else if (index instanceof EqualityIndex equality) {
			equality.built();
		}
		this.indexes = List.copyOf(getIndexes());
	}

	@Override
	public synchronized void dropIndex(String indexName) {
		// readers stop using the index before it is emptied
		this.indexes = this.indexes.stream().filter((index) -> !index.getName().equals(indexName)).toList();
		super.dropIndex(indexName);
		this.indexes = List.copyOf(getIndexes());
	}

	@Override
	public synchronized void drop() {
		this.indexes = List.of();
		super.drop();
		this.indexes = List.copyOf(getIndexes());
	}

	/**
	 * No running data size (only {@code collStats} reports it): keeping it encoded every
	 * inserted and updated document once more and wrote a second entry per write.
	 */
	@Override
	protected boolean tracksDataSize() {
		return false;
	}

	/** Not synchronized: see the class comment. */
	@Override
	public QueryResult handleQuery(QueryParameters parameters) {
		Document selector = parameters.getQuerySelector();
		Document query = selector;
		Document orderBy = null;
		if (selector.containsKey("query")) {
			query = (Document) selector.get("query");
			orderBy = (Document) selector.get("orderby");
		}
		else if (selector.containsKey("$query")) {
			query = (Document) selector.get("$query");
			orderBy = (Document) selector.get("$orderby");
		}
		return queryDocuments(query, orderBy, parameters.getNumberToSkip(), parameters.getLimit(),
				parameters.getBatchSize(), parameters.getProjection());
	}

	@Override
	protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit, int batchSize,
			Document fieldSelector) {
		Collection<Object> candidates = candidates(query);
		if (candidates == null) {
			return matchDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
		}
		return matchDocuments(query, candidates, orderBy, numberToSkip, limit, batchSize, fieldSelector);
	}

	/** A document removed since its index entry was read is skipped, not matched. */
	@Override
	protected QueryResult matchDocuments(Document query, Iterable<Object> positions, Document orderBy, int numberToSkip,
			int limit, int batchSize, Document fieldSelector) {
		Stream<Document> documents = StreamSupport.stream(positions.spliterator(), false)
			.map(super::getDocument)
			.filter(Objects::nonNull);
		return matchDocumentsFromStream(forThisThread(documents, query), query, orderBy, numberToSkip, limit, batchSize,
				fieldSelector);
	}

	@Override
	protected QueryResult matchDocuments(Document query, Document orderBy, int numberToSkip, int limit, int batchSize,
			Document fieldSelector) {
		if (!Thread.holdsLock(this)) {
			return super.matchDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
		}
		return matchDocumentsFromStream(
				forThisThread(streamAllDocumentsWithPosition().map((d) -> d.getDocument()), query), query, orderBy,
				numberToSkip, limit, batchSize, fieldSelector);
	}

	/**
	 * Copy on write: the H2 backend updates a document in place before it stores it back,
	 * and readers no longer wait for writers, so a writer (the thread holding this
	 * collection's lock) changes a copy, and a stored document never changes once readers
	 * and the commit can see it.
	 */
	@Override
	protected Document getDocument(Object position) {
		Document document = super.getDocument(position);
		return (document != null && Thread.holdsLock(this)) ? document.cloneDeeply() : document;
	}

	/** A writer's copies of the documents that match (see {@link #getDocument}). */
	private Stream<Document> forThisThread(Stream<Document> documents, Document query) {
		if (!Thread.holdsLock(this)) {
			return documents;
		}
		return documents.filter((document) -> documentMatchesQuery(document, query)).map(Document::cloneDeeply);
	}

	/**
	 * The positions of every document that can match, or null when no index narrows the
	 * query (then every document is read).
	 */
	private Collection<Object> candidates(Document query) {
		Collection<Object> best = null;
		for (Index<Object> index : this.indexes) {
			Document part = partFor(index, query);
			if (part != null && index.canHandle(part)) {
				best = smaller(best, positions(index.getPositions(part)));
				if (best.size() <= 1) {
					return best;
				}
			}
		}
		if (query.get("$and") instanceof List<?> all) {
			for (Object conjunct : all) {
				if (conjunct instanceof Document document) {
					best = smaller(best, candidates(document));
				}
			}
		}
		if (query.get("$or") instanceof List<?> any && !any.isEmpty()) {
			Set<Object> union = new LinkedHashSet<>();
			for (Object branch : any) {
				Collection<Object> found = (branch instanceof Document document) ? candidates(document) : null;
				if (found == null) {
					// a branch no index narrows: the union cannot narrow either
					return best;
				}
				union.addAll(found);
			}
			best = smaller(best, union);
		}
		return best;
	}

	/**
	 * The query's conditions on exactly the index's fields, or null when one is missing.
	 */
	private static Document partFor(Index<Object> index, Document query) {
		Document part = new Document();
		for (IndexKey key : index.getKeys()) {
			if (!query.containsKey(key.getKey())) {
				return null;
			}
			part.put(key.getKey(), query.get(key.getKey()));
		}
		return part;
	}

	private static Collection<Object> positions(Iterable<Object> found) {
		if (found instanceof Collection<Object> collection) {
			return collection;
		}
		List<Object> positions = new ArrayList<>();
		found.forEach(positions::add);
		return positions;
	}

	private static Collection<Object> smaller(Collection<Object> one, Collection<Object> other) {
		if (one == null) {
			return other;
		}
		return (other != null && other.size() < one.size()) ? other : one;
	}

}
