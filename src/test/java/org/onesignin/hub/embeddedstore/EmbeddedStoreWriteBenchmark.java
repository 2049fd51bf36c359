package org.onesignin.hub.embeddedstore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import org.bson.Document;
import org.slf4j.LoggerFactory;

/**
 * Measures what per-write commits (and fsync) cost the embedded store: sequential
 * acknowledged single-document inserts and updates from one client, per durability mode.
 */
final class EmbeddedStoreWriteBenchmark {

	private static final int DEFAULT_OPERATIONS = 2000;

	private static final int WARM_UP_OPERATIONS = 500;

	private EmbeddedStoreWriteBenchmark() {
	}

	/**
	 * Runs the benchmark and prints one insert and one update line per mode.
	 * @param args optionally the number of inserts (and of updates) per mode, default
	 * 2000
	 */
	public static void main(String[] args) throws IOException {
		// Logback's default DEBUG console output would drown the figures
		// and slow every request
		((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
		int operations = (args.length > 0) ? Integer.parseInt(args[0]) : DEFAULT_OPERATIONS;
		// Unreported round first, so that the first mode measured
		// does not also pay for JIT warm-up
		run(Mode.DEFAULT, WARM_UP_OPERATIONS, false);
		for (Mode mode : Mode.values()) {
			run(mode, operations, true);
		}
	}

	private static void run(Mode mode, int operations, boolean report) throws IOException {
		Path directory = Files.createTempDirectory("embedded-store-bench-");
		try {
			MongoServer server = EmbeddedStore.start(directory, 0, mode.durable, mode.fsync);
			long[] inserts = new long[operations];
			long[] updates = new long[operations];
			long insertNanos;
			long updateNanos;
			long openFileBytes;
			try (MongoClient client = MongoClients.create(settings(server))) {
				MongoCollection<Document> writes = client.getDatabase("bench").getCollection("writes");
				long start = System.nanoTime();
				for (int i = 0; i < operations; i++) {
					long before = System.nanoTime();
					writes.insertOne(new Document("_id", i).append("value", 0).append("note", "benchmark"));
					inserts[i] = System.nanoTime() - before;
				}
				insertNanos = System.nanoTime() - start;
				start = System.nanoTime();
				for (int i = 0; i < operations; i++) {
					long before = System.nanoTime();
					writes.updateOne(Filters.eq("_id", i), Updates.set("value", i + 1));
					updates[i] = System.nanoTime() - before;
				}
				updateNanos = System.nanoTime() - start;
				openFileBytes = Files.size(directory.resolve(EmbeddedStore.FILE_NAME));
			}
			finally {
				server.shutdown();
			}
			long closedFileBytes = Files.size(directory.resolve(EmbeddedStore.FILE_NAME));
			if (report) {
				System.out.println(line(mode, "inserts", inserts, insertNanos));
				System.out.println(line(mode, "updates", updates, updateNanos) + String.format(Locale.ROOT,
						" file_bytes_open=%d file_bytes_closed=%d", openFileBytes, closedFileBytes));
				System.out.flush();
			}
		}
		finally {
			deleteRecursively(directory);
		}
	}

	private static MongoClientSettings settings(MongoServer server) {
		return MongoClientSettings.builder()
			.applyConnectionString(new ConnectionString("mongodb://127.0.0.1:" + server.getLocalAddress().getPort()))
			.writeConcern(WriteConcern.ACKNOWLEDGED)
			.build();
	}

	private static String line(Mode mode, String operation, long[] latencies, long totalNanos) {
		long[] sorted = latencies.clone();
		Arrays.sort(sorted);
		double opsPerSecond = sorted.length / (totalNanos / 1e9);
		return String.format(Locale.ROOT, "mode=%s %s=%d ops/s=%.0f p50_ms=%.3f p99_ms=%.3f", mode.label, operation,
				sorted.length, opsPerSecond, percentile(sorted, 0.50), percentile(sorted, 0.99));
	}

	private static double percentile(long[] sorted, double fraction) {
		int index = Math.max(0, (int) Math.ceil(fraction * sorted.length) - 1);
		return sorted[index] / 1e6;
	}

	private static void deleteRecursively(Path directory) throws IOException {
		try (Stream<Path> paths = Files.walk(directory)) {
			paths.sorted(Comparator.reverseOrder()).forEach((path) -> {
				try {
					Files.delete(path);
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
		}
	}

	private enum Mode {

		DEFAULT("default", false, false), DURABLE("durable", true, false), DURABLE_FSYNC("durable+fsync", true, true);

		private final String label;

		private final boolean durable;

		private final boolean fsync;

		Mode(String label, boolean durable, boolean fsync) {
			this.label = label;
			this.durable = durable;
			this.fsync = fsync;
		}

	}

}
