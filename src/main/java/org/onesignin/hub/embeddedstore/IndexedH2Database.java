package org.onesignin.hub.embeddedstore;

import java.util.List;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
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
		MVMap<Object, Document> dataMap = mvStore.openMap("databases." + fullCollectionName);
		MVMap<String, Object> metaMap = mvStore.openMap("meta." + fullCollectionName);
		return new IndexedH2Collection(this, collectionName, options, dataMap, metaMap, this.cursorRegistry);
	}

	@Override
	protected Index<Object> openOrCreateSecondaryIndex(String collectionName, String indexName, List<IndexKey> keys,
			boolean sparse) {
		return new EqualityIndex(indexName, keys, sparse);
	}

}
