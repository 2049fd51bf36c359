package org.onesignin.hub.embeddedstore;

import java.nio.file.Path;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import org.bson.Document;
import org.slf4j.LoggerFactory;

/**
 * Child-process half of the crash test: writes numbered documents to an embedded store,
 * announcing each acknowledged one on stdout, then idles until it is killed.
 */
final class EmbeddedStoreCrashProbe {

	private EmbeddedStoreCrashProbe() {
	}

	/**
	 * Runs the probe.
	 * @param args the store directory, {@code true} or {@code false} for a durable store,
	 * and the number of documents to write
	 */
	public static void main(String[] args) throws InterruptedException {
		// Logback's default DEBUG console output would bury
		// the ACK lines the parent reads
		((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
		Path directory = Path.of(args[0]);
		boolean durable = Boolean.parseBoolean(args[1]);
		int count = Integer.parseInt(args[2]);
		MongoServer server = EmbeddedStore.start(directory, 0, durable, false);
		MongoClientSettings settings = MongoClientSettings.builder()
			.applyConnectionString(new ConnectionString("mongodb://127.0.0.1:" + server.getLocalAddress().getPort()))
			.writeConcern(WriteConcern.ACKNOWLEDGED)
			.build();
		MongoClient client = MongoClients.create(settings);
		MongoCollection<Document> writes = client.getDatabase("probe").getCollection("writes");
		for (int i = 0; i < count; i++) {
			writes.insertOne(new Document("_id", i));
			System.out.println("ACK " + i);
			System.out.flush();
		}
		while (true) {
			Thread.sleep(60_000);
		}
	}

}
