package org.onesignin.hub.embeddedstore;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;

/**
 * A non-unique index of the embedded store (the H2 backend has only unique ones and
 * ignores the others): for each value of its fields, the positions of the documents
 * holding it, in memory, built from the documents when the store opens. It answers
 * equality and {@code $in} on all of its fields; the collection checks every candidate
 * against the whole query, so the index only has to over-approximate.
 *
 * <p>
 * Thread-safe without a lock: concurrent maps and sets, so reads need not wait for the
 * collection's writers.
 */
final class EqualityIndex extends Index<Object> {

	private static final String ID = "_id";

	private final Map<KeyValue, Set<Object>> positionsByKey = new ConcurrentHashMap<>();

	private final Map<Object, Indexed> byDocumentId = new ConcurrentHashMap<>();

	EqualityIndex(String name, List<IndexKey> keys, boolean sparse) {
		super(name, keys, sparse);
	}

	@Override
	public Object getPosition(Document document) {
		Indexed indexed = this.byDocumentId.get(document.get(ID));
		return (indexed != null) ? indexed.position() : null;
	}

	@Override
	public void checkAdd(Document document, MongoCollection<Object> collection) {
		// never a conflict (not unique), but refused values (parallel arrays) are refused
		// here, before anything is written
		keysOf(document);
	}

	@Override
	public void add(Document document, Object position, MongoCollection<Object> collection) {
		Set<KeyValue> keys = keysOf(document);
		for (KeyValue key : keys) {
			this.positionsByKey.computeIfAbsent(key, (k) -> ConcurrentHashMap.newKeySet()).add(position);
		}
		this.byDocumentId.put(document.get(ID), new Indexed(position, keys));
	}

	@Override
	public Object remove(Document document) {
		Indexed indexed = this.byDocumentId.remove(document.get(ID));
		if (indexed == null) {
			return null;
		}
		unlink(indexed);
		return indexed.position();
	}

	@Override
	public boolean canHandle(Document query) {
		if (!query.keySet().equals(keySet())) {
			return false;
		}
		int lists = 0;
		for (Object value : query.values()) {
			if (isIn(value)) {
				lists++;
			}
			else if (!isEquality(value)) {
				return false;
			}
		}
		// the keys of two $in lists would be their product: read the documents instead
		return lists <= 1;
	}

	@Override
	public Iterable<Object> getPositions(Document query) {
		// a document holding the queried values (each $in list an array, which the index
		// spreads into one key per element): the keys to look up
		Document probe = new Document();
		for (String key : keys()) {
			Object value = query.get(key);
			// nested as a stored document would be: a dotted key is a path
			de.bwaldvogel.mongo.backend.Utils.changeSubdocumentValue(probe, key,
					isIn(value) ? List.copyOf((Collection<?>) ((Document) value).get("$in")) : value);
		}
		Set<Object> positions = new java.util.LinkedHashSet<>();
		for (KeyValue key : getKeyValues(probe)) {
			Set<Object> found = this.positionsByKey.get(key);
			if (found != null) {
				positions.addAll(found);
			}
		}
		return positions;
	}

	@Override
	public long getCount() {
		return this.byDocumentId.size();
	}

	@Override
	public long getDataSize() {
		return 0;
	}

	@Override
	public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<Object> collection) {
		keysOf(newDocument);
	}

	@Override
	public void updateInPlace(Document oldDocument, Document newDocument, Object position,
			MongoCollection<Object> collection) {
		Set<KeyValue> keys = keysOf(newDocument);
		Indexed previous = this.byDocumentId.get(oldDocument.get(ID));
		if (previous != null && previous.keys().equals(keys)) {
			return;
		}
		// the new keys first, then the old ones go: a concurrent reader may see the
		// document under both for a moment, never under neither
		for (KeyValue key : keys) {
			this.positionsByKey.computeIfAbsent(key, (k) -> ConcurrentHashMap.newKeySet()).add(position);
		}
		this.byDocumentId.put(newDocument.get(ID), new Indexed(position, keys));
		if (previous != null) {
			previous.keys()
				.stream()
				.filter((key) -> !keys.contains(key))
				.forEach((key) -> unlink(key, previous.position()));
		}
	}

	@Override
	public void drop() {
		this.positionsByKey.clear();
		this.byDocumentId.clear();
	}

	private Set<KeyValue> keysOf(Document document) {
		if (isSparse() && keys().stream()
			.allMatch((key) -> de.bwaldvogel.mongo.backend.Utils.getSubdocumentValue(document,
					key) instanceof de.bwaldvogel.mongo.backend.Missing)) {
			return Set.of();
		}
		return getKeyValues(document);
	}

	private void unlink(Indexed indexed) {
		indexed.keys().forEach((key) -> unlink(key, indexed.position()));
	}

	private void unlink(KeyValue key, Object position) {
		this.positionsByKey.computeIfPresent(key, (k, positions) -> {
			positions.remove(position);
			return positions.isEmpty() ? null : positions;
		});
	}

	private static boolean isEquality(Object value) {
		return value instanceof String || value instanceof Number || value instanceof Boolean
				|| value instanceof ObjectId || value instanceof java.util.Date || value instanceof java.time.Instant
				|| value instanceof java.util.UUID;
	}

	private static boolean isIn(Object value) {
		return value instanceof Document document && document.size() == 1
				&& document.get("$in") instanceof Collection<?> values
				&& values.stream().allMatch(EqualityIndex::isEquality);
	}

	private record Indexed(Object position, Set<KeyValue> keys) {
	}

}
