package org.onesignin.hub.embeddedstore;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Proves that the durable embedded store keeps every write it acknowledged when its
 * process is killed without warning.
 */
class EmbeddedStoreDurabilityIntegrationTests {

	private static final int COUNT = 300;

	private static final long ACK_TIMEOUT_SECONDS = 60;

	@TempDir
	Path directory;

	@Test
	void keepsEveryAcknowledgedWriteAcrossAKillMinus9() throws Exception {
		Process probe = startProbe(this.directory, true, COUNT);
		Set<Integer> acknowledged = new ConcurrentSkipListSet<>();
		Deque<String> output = new ConcurrentLinkedDeque<>();
		CountDownLatch lastAcknowledged = new CountDownLatch(1);
		Thread reader = readOutput(probe, acknowledged, output, lastAcknowledged);

		try {
			if (!lastAcknowledged.await(ACK_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
				fail("The probe did not acknowledge write %d within %d s; its last output: %s", COUNT - 1,
						ACK_TIMEOUT_SECONDS, output);
			}
		}
		finally {
			// SIGKILL on Linux, sent right after the last acknowledgement
			// so that H2's own background commit (about once a second)
			// has no chance to save the late writes
			probe.destroyForcibly();
			probe.waitFor(30, TimeUnit.SECONDS);
			reader.join(TimeUnit.SECONDS.toMillis(10));
		}
		StoredWrites stored = readStoredWrites(this.directory);

		assertThat(probe.isAlive()).isFalse();
		assertThat(acknowledged).containsExactlyElementsOf(range(COUNT));
		assertThat(stored.count()).isEqualTo(COUNT);
		assertThat(stored.ids()).containsExactlyInAnyOrderElementsOf(acknowledged);
	}

	private static Process startProbe(Path directory, boolean durable, int count) throws IOException {
		String java = ProcessHandle.current()
			.info()
			.command()
			.orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
				EmbeddedStoreCrashProbe.class.getName(), directory.toString(), Boolean.toString(durable),
				Integer.toString(count))
			.redirectErrorStream(true)
			.start();
	}

	private static Thread readOutput(Process probe, Set<Integer> acknowledged, Deque<String> output,
			CountDownLatch lastAcknowledged) {
		Thread reader = new Thread(() -> {
			try (BufferedReader lines = new BufferedReader(
					new InputStreamReader(probe.getInputStream(), StandardCharsets.UTF_8))) {
				String line;
				while ((line = lines.readLine()) != null) {
					if (line.startsWith("ACK ")) {
						int id = Integer.parseInt(line.substring(4).trim());
						acknowledged.add(id);
						if (id == COUNT - 1) {
							lastAcknowledged.countDown();
						}
					}
					output.addLast(line);
					if (output.size() > 20) {
						output.pollFirst();
					}
				}
			}
			catch (IOException ex) {
				// The stream breaks when the probe is killed: nothing more to read
			}
		}, "crash-probe-output");
		reader.setDaemon(true);
		reader.start();
		return reader;
	}

	private static StoredWrites readStoredWrites(Path directory) {
		MongoServer server = EmbeddedStore.start(directory, 0, true, false);
		try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort())) {
			MongoCollection<Document> writes = client.getDatabase("probe").getCollection("writes");
			List<Integer> ids = new ArrayList<>();
			writes.find().forEach((document) -> ids.add(document.getInteger("_id")));
			return new StoredWrites(writes.countDocuments(), ids);
		}
		finally {
			server.shutdown();
		}
	}

	private static List<Integer> range(int count) {
		return IntStream.range(0, count).boxed().collect(Collectors.toList());
	}

	private record StoredWrites(long count, List<Integer> ids) {
	}

}
