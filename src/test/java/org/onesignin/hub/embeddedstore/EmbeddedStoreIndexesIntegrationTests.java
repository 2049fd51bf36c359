package org.onesignin.hub.embeddedstore;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;
import org.bson.conversions.Bson;
import de.bwaldvogel.mongo.backend.KeyValue;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The embedded store's indexes, through the MongoDB driver: a query narrowed by an index
 * (non-unique ones included, nested paths, {@code $in}, {@code $and}, {@code $or}, the id
 * beside other conditions) answers exactly what reading every document answers, after
 * inserts, updates that move a document between keys, deletes and a restart; and reads
 * running while documents change never fail.
 */
class EmbeddedStoreIndexesIntegrationTests {

	private static final int DOCUMENTS = 300;

	@TempDir
	Path directory;

	@Test
	void answersWhatAFullReadAnswersThroughEveryKindOfIndexedCondition() {
		MongoServer server = EmbeddedStore.start(this.directory, 0, true, false);
		try (MongoClient client = client(server)) {
			MongoCollection<Document> people = client.getDatabase("hub").getCollection("people");
			people.createIndex(Indexes.ascending("team"));
			people.createIndex(Indexes.ascending("card.token"));
			for (int i = 0; i < DOCUMENTS; i++) {
				people.insertOne(person(i));
			}
			assertMatchesFullRead(people);

			// move documents between keys, then remove some
			people.updateMany(Filters.lt("number", 50), Updates.set("team", "moved"));
			people.updateMany(Filters.in("_id", "p-7", "p-8"), Updates.set("card.token", "shared"));
			people.deleteMany(Filters.gte("number", 280));
			assertMatchesFullRead(people);
			assertThat(ids(people, Filters.eq("team", "moved"))).hasSize(50);
			assertThat(ids(people, Filters.eq("team", "team-3"))).noneMatch((id) -> number(id) < 50);
			assertThat(ids(people, Filters.eq("card.token", "shared"))).containsExactlyInAnyOrder("p-7", "p-8");
			assertThat(ids(people, Filters.eq("card.token", "token-7"))).isEmpty();
		}
		finally {
			server.shutdownNow();
		}

		// reopened: the indexes are read back from the file, as they were
		MongoServer reopened = EmbeddedStore.start(this.directory, 0, true, false);
		try (MongoClient client = client(reopened)) {
			MongoCollection<Document> people = client.getDatabase("hub").getCollection("people");
			assertMatchesFullRead(people);
			assertThat(ids(people, Filters.eq("team", "moved"))).hasSize(50);
		}
		finally {
			reopened.shutdownNow();
		}
	}

	@Test
	void opensAStoreTheH2BackendWroteWithItsDocumentsAndUniqueIndexes() {
		// written as stores were before: Java-serialised documents, byte-ordered indexes
		MVStore before = new MVStore.Builder().fileName(this.directory.resolve(EmbeddedStore.FILE_NAME).toString())
			.open();
		MongoServer older = new MongoServer(new H2Backend(before));
		older.bind("127.0.0.1", 0);
		try (MongoClient client = client(older)) {
			MongoCollection<Document> people = client.getDatabase("hub").getCollection("people");
			people.createIndex(Indexes.ascending("email"), new IndexOptions().unique(true));
			for (int i = 0; i < 50; i++) {
				people.insertOne(person(i).append("email", "p" + i + "@example.com"));
			}
		}
		finally {
			older.shutdownNow();
		}

		for (int opening = 0; opening < 2; opening++) {
			MongoServer server = EmbeddedStore.start(this.directory, 0, true, false);
			try (MongoClient client = client(server)) {
				MongoCollection<Document> people = client.getDatabase("hub").getCollection("people");
				assertThat(people.countDocuments()).isEqualTo(50 + opening);
				assertThat(people.find(Filters.eq("email", "p7@example.com")).first()).containsEntry("_id", "p-7")
					.containsEntry("card", new Document("token", "token-7"));
				Document duplicate = new Document("_id", "p-x" + opening).append("email", "p7@example.com");
				assertThatThrownBy(() -> people.insertOne(duplicate)).isInstanceOf(MongoWriteException.class)
					.satisfies((ex) -> assertThat(((MongoWriteException) ex).getCode()).isEqualTo(11000));
				// a document written in the new format beside the older ones
				people.insertOne(person(100 + opening).append("email", "new" + opening + "@example.com"));
			}
			finally {
				server.shutdownNow();
			}
		}
	}

	@Test
	void rebuildsAUniqueIndexThatWasNotFinished() {
		MongoServer server = EmbeddedStore.start(this.directory, 0, true, false);
		try (MongoClient client = client(server)) {
			MongoCollection<Document> people = client.getDatabase("hub").getCollection("people");
			people.createIndex(Indexes.ascending("email"), new IndexOptions().unique(true).name("email_1"));
			for (int i = 0; i < 20; i++) {
				people.insertOne(person(i).append("email", "p" + i + "@example.com"));
			}
		}
		finally {
			server.shutdownNow();
		}
		// as a crash while the index was being filled leaves it: part of the keys, not
		// marked as built
		MVStore file = new MVStore.Builder().fileName(this.directory.resolve(EmbeddedStore.FILE_NAME).toString())
			.open();
		MVMap<KeyValue, Object> index = file.openMap("hub.people._unique_email_1",
				new MVMap.Builder<KeyValue, Object>().keyType(new BsonValues.Keys()));
		assertThat(index.sizeAsLong()).isEqualTo(20);
		for (int i = 0; i < 10; i++) {
			index.remove(new KeyValue("p" + i + "@example.com"));
		}
		file.<String, Boolean>openMap("hub.built-unique-indexes").remove("hub.people._unique_email_1");
		file.close();

		MongoServer reopened = EmbeddedStore.start(this.directory, 0, true, false);
		try (MongoClient client = client(reopened)) {
			MongoCollection<Document> people = client.getDatabase("hub").getCollection("people");
			assertThat(people.find(Filters.eq("email", "p3@example.com")).first()).containsEntry("_id", "p-3");
			Document duplicate = new Document("_id", "p-x").append("email", "p3@example.com");
			assertThatThrownBy(() -> people.insertOne(duplicate)).isInstanceOf(MongoWriteException.class);
		}
		finally {
			reopened.shutdownNow();
		}
	}

	@Test
	void readsWhileDocumentsChangeNeverFail() throws Exception {
		MongoServer server = EmbeddedStore.start(this.directory, 0, true, false);
		ExecutorService threads = Executors.newFixedThreadPool(4);
		try (MongoClient client = client(server)) {
			MongoCollection<Document> people = client.getDatabase("hub").getCollection("people");
			people.createIndex(Indexes.ascending("team"));
			for (int i = 0; i < DOCUMENTS; i++) {
				people.insertOne(person(i));
			}
			ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
			List<Future<?>> work = new ArrayList<>();
			work.add(threads.submit(() -> {
				for (int round = 0; round < 300; round++) {
					int n = round % DOCUMENTS;
					// one update: both copies of the team, and a field added or
					// removed
					String team = "team-" + (round % 5);
					people.updateOne(Filters.eq("_id", "p-" + n),
							Updates.combine(Updates.set("team", team), Updates.set("sameTeam", team),
									(round % 2 == 0) ? Updates.set("extra", round) : Updates.unset("extra")));
					people.deleteOne(Filters.eq("_id", "p-extra-" + round));
					people.insertOne(new Document("_id", "p-extra-" + (round + 1)).append("team", "team-1")
						.append("number", DOCUMENTS + round));
				}
			}));
			for (int reader = 0; reader < 3; reader++) {
				work.add(threads.submit(() -> {
					for (int round = 0; round < 200; round++) {
						try {
							for (Document found : people.find(Filters.eq("team", "team-" + (round % 5)))) {
								assertThat(found.getString("team")).isEqualTo("team-" + (round % 5));
								// never half an update
								if (found.containsKey("sameTeam")) {
									assertThat(found.getString("sameTeam")).isEqualTo(found.getString("team"));
								}
							}
							for (Document found : people.find(Filters.gte("number", 0))) {
								if (found.containsKey("sameTeam")) {
									assertThat(found.getString("sameTeam")).isEqualTo(found.getString("team"));
								}
							}
							people.find(Filters.and(Filters.eq("_id", "p-" + round), Filters.exists("number"))).first();
						}
						catch (Throwable ex) {
							failures.add(ex);
						}
					}
				}));
			}
			for (Future<?> done : work) {
				done.get(60, TimeUnit.SECONDS);
			}
			assertThat(failures).isEmpty();
		}
		finally {
			threads.shutdownNow();
			server.shutdownNow();
		}
	}

	/**
	 * Each kind of condition an index narrows, against the same test on every document.
	 */
	private static void assertMatchesFullRead(MongoCollection<Document> people) {
		List<Document> all = people.find().into(new ArrayList<>());
		check(people, all, Filters.eq("team", "team-3"), (d) -> "team-3".equals(d.getString("team")));
		check(people, all, Filters.in("team", "team-1", "team-4"),
				(d) -> Set.of("team-1", "team-4").contains(d.getString("team")));
		check(people, all, Filters.eq("card.token", "token-42"), (d) -> "token-42".equals(token(d)));
		check(people, all, Filters.and(Filters.eq("_id", "p-12"), Filters.eq("number", 12)),
				(d) -> "p-12".equals(d.getString("_id")) && d.getInteger("number") == 12);
		check(people, all, Filters.and(Filters.eq("_id", "p-12"), Filters.eq("number", 13)), (d) -> false);
		check(people, all,
				Filters.and(Filters.eq("team", "team-2"),
						Filters.or(Filters.eq("card.token", "token-2"), Filters.eq("card.token", "token-102"),
								Filters.eq("card.token", "token-7"))),
				(d) -> "team-2".equals(d.getString("team"))
						&& Set.of("token-2", "token-102", "token-7").contains(token(d)));
		check(people, all, Filters.or(Filters.eq("team", "team-0"), Filters.gt("number", 250)),
				(d) -> "team-0".equals(d.getString("team")) || d.getInteger("number") > 250);
	}

	private static void check(MongoCollection<Document> people, List<Document> all, Bson filter,
			Predicate<Document> test) {
		Set<String> expected = all.stream().filter(test).map((d) -> d.getString("_id")).collect(Collectors.toSet());
		assertThat(ids(people, filter)).as(filter.toString()).containsExactlyInAnyOrderElementsOf(expected);
	}

	private static List<String> ids(MongoCollection<Document> people, Bson filter) {
		return people.find(filter).map((d) -> d.getString("_id")).into(new ArrayList<>());
	}

	private static Document person(int i) {
		return new Document("_id", "p-" + i).append("number", i)
			.append("team", "team-" + (i % 5))
			.append("card", new Document("token", "token-" + i));
	}

	private static String token(Document person) {
		Document card = person.get("card", Document.class);
		return (card != null) ? card.getString("token") : null;
	}

	private static int number(String id) {
		return Integer.parseInt(id.substring(2));
	}

	private static MongoClient client(MongoServer server) {
		return MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
	}

}
