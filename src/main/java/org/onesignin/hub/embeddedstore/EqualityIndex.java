package org.onesignin.hub.embeddedstore;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;

/**
 * A non-unique index of the embedded store (the H2 backend has only unique ones and
 * ignores the others), in the store file: one entry per document and key value, the value
 * followed by the document's position, so that a key's documents are the entries right
 * after the key in the map's order. Equality and {@code $in} on all of its fields; the
 * collection checks every candidate against the whole query, so the index only has to
 * over-approximate. Like a unique index, one not marked as built (a crash while it was
 * being filled) is emptied when the store opens and filled again from the documents.
 *
 * <p>
 * Reads need no lock: an H2 map is safe to read while it changes.
 */
final class EqualityIndex extends Index<Object> {

	private static final String ID = "_id";

	/** One entry per document and key: the key's values, then the document's position. */
	private final MVMap<KeyValue, Boolean> entries;

	private final Runnable markBuilt;

	/**
	 * @param entries the index's map in the store file, ordered by value (a key's prefix
	 * before its extensions: {@link BsonValues.Keys})
	 * @param markBuilt records that the map holds every document's keys
	 */
	EqualityIndex(String name, List<IndexKey> keys, boolean sparse, MVMap<KeyValue, Boolean> entries,
			Runnable markBuilt) {
		super(name, keys, sparse);
		this.entries = entries;
		this.markBuilt = markBuilt;
	}

	/** The collection filled the index from its documents (or had none). */
	void built() {
		this.markBuilt.run();
	}

	@Override
	public Object getPosition(Document document) {
		return positionOf(document);
	}

	@Override
	public void checkAdd(Document document, MongoCollection<Object> collection) {
		// never a conflict (not unique), but refused values (parallel arrays) are refused
		// here, before anything is written
		keysOf(document);
	}

	@Override
	public void add(Document document, Object position, MongoCollection<Object> collection) {
		for (KeyValue key : keysOf(document)) {
			this.entries.put(entry(key, position), Boolean.TRUE);
		}
	}

	@Override
	public Object remove(Document document) {
		Object position = positionOf(document);
		for (KeyValue key : keysOf(document)) {
			this.entries.remove(entry(key, position));
		}
		return position;
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
			// the entries of a key follow the key itself, in the map's order
			Cursor<KeyValue, Boolean> cursor = this.entries.cursor(key);
			while (cursor.hasNext()) {
				KeyValue entry = cursor.next();
				if (entry.size() != key.size() + 1 || !startsWith(entry, key)) {
					break;
				}
				positions.add(entry.get(key.size()));
			}
		}
		return positions;
	}

	@Override
	public long getCount() {
		return this.entries.sizeAsLong();
	}

	@Override
	public boolean isEmpty() {
		return this.entries.isEmpty();
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
		Set<KeyValue> before = keysOf(oldDocument);
		Set<KeyValue> after = keysOf(newDocument);
		if (before.equals(after)) {
			return;
		}
		// the new entries first, then the old ones go: a concurrent reader may see the
		// document under both for a moment, never under neither
		for (KeyValue key : after) {
			this.entries.put(entry(key, position), Boolean.TRUE);
		}
		before.stream()
			.filter((key) -> !after.contains(key))
			.forEach((key) -> this.entries.remove(entry(key, position)));
	}

	@Override
	public void drop() {
		this.entries.clear();
	}

	private Set<KeyValue> keysOf(Document document) {
		if (isSparse() && keys().stream()
			.allMatch((key) -> de.bwaldvogel.mongo.backend.Utils.getSubdocumentValue(document,
					key) instanceof de.bwaldvogel.mongo.backend.Missing)) {
			return Set.of();
		}
		return getKeyValues(document);
	}

	/** Where the H2 backend keeps a document: under its id. */
	private static Object positionOf(Document document) {
		return Missing.ofNullable(document.get(ID));
	}

	private static KeyValue entry(KeyValue key, Object position) {
		List<Object> values = new ArrayList<>(key.size() + 1);
		key.forEach(values::add);
		values.add(position);
		return new KeyValue(values);
	}

	private static boolean startsWith(KeyValue entry, KeyValue key) {
		for (int i = 0; i < key.size(); i++) {
			if (BsonValues.Keys.compareValues(entry.get(i), key.get(i)) != 0) {
				return false;
			}
		}
		return true;
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

}
