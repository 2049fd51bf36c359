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
 * be lost. Here the changes of every request that may write are committed to the file
 * before its reply is sent (concurrent writers share a commit), so an acknowledged write
 * survives a crash of the hub process. With {@code fsync} the file is also forced to the
 * disk (survives a power cut too, at a higher cost).
 */
class DurableH2Backend extends IndexedH2Backend {

	private final MVStore store;

	private final boolean fsync;

	private static final java.util.Set<String> READS = java.util.Set.of("find", "getMore", "count", "distinct",
			"listCollections", "listIndexes", "listDatabases", "hello", "isMaster", "ismaster", "ping", "buildInfo",
			"buildinfo", "killCursors", "endSessions", "dbStats", "collStats", "serverStatus", "getParameter",
			"connectionStatus", "whatsmyuri", "getLastError", "getlasterror");

	/** Tickets of the requests that may have written, in the order they finished. */
	private final java.util.concurrent.atomic.AtomicLong requested = new java.util.concurrent.atomic.AtomicLong();

	private final Object commits = new Object();

	/** The last ticket a finished commit covers (guarded by {@code commits}). */
	private long committed;

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
			if (!isRead(message)) {
				persist();
			}
		}
	}

	/** A command that never changes the store: its reply waits for no commit. */
	private static boolean isRead(MongoMessage message) {
		Document command = message.getDocument();
		if (command.isEmpty()) {
			return false;
		}
		String name = command.keySet().iterator().next();
		if ("aggregate".equals(name)) {
			// $out and $merge write
			return !command.toString().contains("$out") && !command.toString().contains("$merge");
		}
		return READS.contains(name);
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

	/**
	 * Group commit: a request whose changes a commit started after them already covers
	 * returns without a commit of its own. Concurrent writers share commits instead of
	 * queueing for one each (a commit writes every change made before it starts).
	 */
	private void persist() {
		long ticket = this.requested.incrementAndGet();
		synchronized (this.commits) {
			if (this.committed >= ticket) {
				return;
			}
			// Every ticket taken so far belongs to a finished write, so this commit
			// covers them all. (A commit waits for one H2 is writing meanwhile, and
			// returns at once when nothing is left to write.)
			long covering = this.requested.get();
			this.store.commit();
			if (this.fsync) {
				this.store.sync();
			}
			this.committed = covering;
		}
	}

}
