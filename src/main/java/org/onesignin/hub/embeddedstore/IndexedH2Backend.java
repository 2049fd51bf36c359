package org.onesignin.hub.embeddedstore;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.h2.mvstore.MVStore;

/** The H2 backend with {@link IndexedH2Database}s: indexes used as MongoDB uses them. */
class IndexedH2Backend extends H2Backend {

	IndexedH2Backend(MVStore store) {
		super(store);
	}

	@Override
	protected MongoDatabase openOrCreateDatabase(String databaseName) {
		return IndexedH2Database.open(databaseName, getMvStore(), getCursorRegistry());
	}

}
