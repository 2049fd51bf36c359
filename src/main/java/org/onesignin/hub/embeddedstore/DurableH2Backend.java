package org.onesignin.hub.embeddedstore;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import de.bwaldvogel.mongo.wire.message.MongoQuery;
import org.h2.mvstore.MVStore;

/**
 * The embedded store's H2 backend, made durable: H2's MVStore normally writes changes to
 * its file about once a second, so a write acknowledged just before {@code kill -9} would
 * be lost. Here every request that left unsaved changes is committed to the file before
 * its reply is sent, so an acknowledged write survives a crash of the hub process. With
 * {@code fsync} the file is also forced to the disk (survives a power cut too, at a
 * higher cost).
 */
class DurableH2Backend extends IndexedH2Backend {

	private final MVStore store;

	private final boolean fsync;

	DurableH2Backend(MVStore store, boolean fsync) {
		super(store);
		this.store = store;
		this.fsync = fsync;
	}

	@Override
	public Document handleMessage(MongoMessage message) {
		try {
			return super.handleMessage(message);
		}
		finally {
			persist();
		}
	}

	@Override
	public QueryResult handleQuery(MongoQuery query) {
		try {
			return super.handleQuery(query);
		}
		finally {
			persist();
		}
	}

	private void persist() {
		if (this.store.hasUnsavedChanges()) {
			this.store.commit();
			if (this.fsync) {
				this.store.sync();
			}
		}
	}

}
