package org.onesignin.hub.embeddedstore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

import de.bwaldvogel.mongo.MongoServer;
import org.h2.mvstore.MVStore;

/**
 * Starts the embedded MongoDB wire-protocol server: a file-backed H2 store in a
 * directory, made durable by {@link DurableH2Backend}, listening on 127.0.0.1 only.
 */
public final class EmbeddedStore {

	/** The store's file name inside its directory. */
	public static final String FILE_NAME = "hub.mv";

	private EmbeddedStore() {
	}

	/**
	 * Opens (or creates) the store in {@code directory} and starts serving it.
	 * @param port the loopback port, 0 for any free one
	 * @param durable commit every write to the file before replying (false: H2's default
	 * background commit about once a second, kept only to measure the difference)
	 * @param fsync also force each commit to the disk
	 */
	public static MongoServer start(Path directory, int port, boolean durable, boolean fsync) {
		try {
			Files.createDirectories(directory);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot create the embedded store directory " + directory, ex);
		}
		MVStore store = new MVStore.Builder().fileName(directory.resolve(FILE_NAME).toString()).open();
		if (durable) {
			// Committing every write makes a chunk per write; with H2's default 45 s
			// retention the old chunks pile up (about 26 KB a write). Reuse them at once:
			// each commit is already written through to the file before the reply.
			store.setRetentionTime(0);
		}
		MongoServer server = new MongoServer(
				durable ? new DurableH2Backend(store, fsync) : new IndexedH2Backend(store));
		server.bind(new InetSocketAddress("127.0.0.1", port));
		return server;
	}

}
