package org.onesignin.hub.embeddedstore;

import java.util.List;
import java.util.Map;

import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import org.h2.mvstore.MVMap;

/**
 * A unique index of the embedded store, in an H2 map whose keys are ordered by value
 * ({@link BsonValues.Keys}); the same as the H2 backend's otherwise. A map not marked as
 * built (a crash while it was being filled) is emptied when the store opens, and filled
 * again from the documents.
 */
final class UniqueIndex extends AbstractUniqueIndex<Object> {

	private final MVMap<KeyValue, Object> map;

	private final Runnable markBuilt;

	/**
	 * @param markBuilt records that the map holds every document's key (called once the
	 * collection has filled it)
	 */
	UniqueIndex(MVMap<KeyValue, Object> map, String name, List<IndexKey> keys, boolean sparse, Runnable markBuilt) {
		super(name, keys, sparse);
		this.map = map;
		this.markBuilt = markBuilt;
	}

	/** The collection filled the index from its documents (or had none). */
	void built() {
		this.markBuilt.run();
	}

	@Override
	protected Object removeDocument(KeyValue keyValue) {
		return this.map.remove(keyValue);
	}

	@Override
	protected boolean putKeyPosition(KeyValue keyValue, Object position) {
		return this.map.putIfAbsent(keyValue, Missing.ofNullable(position)) == null;
	}

	@Override
	protected Iterable<Map.Entry<KeyValue, Object>> getIterable() {
		return this.map.entrySet();
	}

	@Override
	protected Object getPosition(KeyValue keyValue) {
		return this.map.get(keyValue);
	}

	@Override
	public long getCount() {
		return this.map.sizeAsLong();
	}

	@Override
	public boolean isEmpty() {
		return this.map.isEmpty();
	}

	@Override
	public long getDataSize() {
		return getCount();
	}

	@Override
	public void drop() {
		this.map.clear();
	}

}
