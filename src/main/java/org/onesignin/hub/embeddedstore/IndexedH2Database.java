package org.onesignin.hub.embeddedstore;

import java.util.List;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * A database of the embedded store whose collections are {@link IndexedH2Collection}s and
 * whose non-unique indexes are {@link EqualityIndex}es (the H2 backend ignores them). The
 * maps are named as the H2 backend names them, so a store written before opens as it was.
 */
final class IndexedH2Database extends H2Database {

	private static final ThreadLocal<MVStore> OPENING = new ThreadLocal<>();

	/**
	 * The unique index maps known to be complete (committed with or after their keys).
	 */
	private static final String BUILT = "hub.built-unique-indexes";

	private final MVStore store;

	private IndexedH2Database(String databaseName, MVStore store, CursorRegistry cursorRegistry) {
		super(databaseName, store, cursorRegistry);
		this.store = store;
	}

	static IndexedH2Database open(String databaseName, MVStore store, CursorRegistry cursorRegistry) {
		// H2Database opens the existing collections from its constructor, before this
		// class's fields are set: they find the store here meanwhile
		OPENING.set(store);
		try {
			return new IndexedH2Database(databaseName, store, cursorRegistry);
		}
		finally {
			OPENING.remove();
		}
	}

	@Override
	protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
		MVStore mvStore = (this.store != null) ? this.store : OPENING.get();
		String fullCollectionName = getFullCollectionNamespace(collectionName);
		MVMap<Object, Document> dataMap = mvStore.openMap("databases." + fullCollectionName,
				new MVMap.Builder<Object, Document>().valueType(new BsonValues.Documents()));
		MVMap<String, Object> metaMap = mvStore.openMap("meta." + fullCollectionName);
		return new IndexedH2Collection(this, collectionName, options, dataMap, metaMap, this.cursorRegistry);
	}

	/**
	 * A unique index in the file, under a name of its own: its keys are ordered by value
	 * ({@link BsonValues.Keys}), not by their serialised bytes as in the H2 backend's
	 * {@code _index_} maps, so those are dropped and the index is built again from the
	 * documents the first time a store is opened here.
	 */
	@Override
	protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
			boolean sparse) {
		MVStore mvStore = (this.store != null) ? this.store : OPENING.get();
		String namespace = getFullCollectionNamespace(collectionName);
		String older = namespace + "._index_" + indexName;
		if (mvStore.hasMap(older)) {
			mvStore.removeMap(older);
		}
		String name = namespace + "._unique_" + indexName;
		MVMap<KeyValue, Object> map = mvStore.openMap(name,
				new MVMap.Builder<KeyValue, Object>().keyType(new BsonValues.Keys()));
		MVMap<String, Boolean> built = mvStore.openMap(BUILT);
		if (!Boolean.TRUE.equals(built.get(name))) {
			// never finished (a crash while it was built): built again from the documents
			map.clear();
		}
		return new UniqueIndex(map, indexName, keys, sparse, () -> built.put(name, true));
	}

	@Override
	protected void dropIndex(MongoCollection<Object> collection, String indexName) {
		super.dropIndex(collection, indexName);
		MVStore mvStore = this.store;
		for (String kind : List.of("._unique_", "._equal_")) {
			String name = getFullCollectionNamespace(collection.getCollectionName()) + kind + indexName;
			mvStore.<String, Boolean>openMap(BUILT).remove(name);
			if (mvStore.hasMap(name)) {
				mvStore.removeMap(name);
			}
		}
	}

	@Override
	protected Index<Object> openOrCreateSecondaryIndex(String collectionName, String indexName, List<IndexKey> keys,
			boolean sparse) {
		MVStore mvStore = (this.store != null) ? this.store : OPENING.get();
		String name = getFullCollectionNamespace(collectionName) + "._equal_" + indexName;
		MVMap<KeyValue, Boolean> map = mvStore.openMap(name,
				new MVMap.Builder<KeyValue, Boolean>().keyType(new BsonValues.Keys()));
		MVMap<String, Boolean> built = mvStore.openMap(BUILT);
		if (!Boolean.TRUE.equals(built.get(name))) {
			map.clear();
		}
		return new EqualityIndex(indexName, keys, sparse, map, () -> built.put(name, true));
	}

}
