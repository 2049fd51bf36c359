package org.onesignin.hub.embeddedstore;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How the embedded store writes documents and index keys: BSON that reads back equal,
 * older Java-serialised documents still read, and keys in a total order that tells
 * different lists apart.
 */
class BsonValuesUnitTests {

	@Test
	void readsBackTheDocumentItWrote() {
		Document document = new Document("_id", "a-1").append("version", 3L)
			.append("revision", 2)
			.append("updatedAt", Instant.parse("2026-12-06T05:00:00Z"))
			.append("links", List.of(new Document("serviceId", "my-sony").append("status", "ACTIVE")))
			.append("verified", true)
			.append("closedAt", null);
		BsonValues.Documents type = new BsonValues.Documents();
		WriteBuffer buffer = new WriteBuffer();
		type.write(buffer, document);
		type.write(buffer, new Document("_id", "a-2"));

		ByteBuffer written = buffer.getBuffer().flip();
		assertThat(type.read(written)).isEqualTo(document);
		assertThat(type.read(written)).isEqualTo(new Document("_id", "a-2"));
		assertThat(written.hasRemaining()).isFalse();
	}

	@Test
	void readsADocumentJavaSerialisedByTheH2Backend() {
		Document older = new Document("_id", "a-1").append("givenName", "Ada");
		WriteBuffer buffer = new WriteBuffer();
		new ObjectDataType().write(buffer, older);

		assertThat(new BsonValues.Documents().read(buffer.getBuffer().flip())).isEqualTo(older);
	}

	@Test
	void ordersKeysByValueAndTellsListsApart() {
		BsonValues.Keys keys = new BsonValues.Keys();
		KeyValue twelve = new KeyValue((Object) List.of(1, 2));
		KeyValue thirteen = new KeyValue((Object) List.of(1, 3));

		assertThat(keys.compare(twelve, thirteen)).isNegative();
		assertThat(keys.compare(thirteen, twelve)).isPositive();
		assertThat(keys.compare(new KeyValue((Object) List.of()), new KeyValue((Object) List.of()))).isZero();
		assertThat(keys.compare(new KeyValue("a", 1.0), new KeyValue("a", 2.0))).isNegative();
		// a key's prefix comes right before its extensions (how a non-unique index reads)
		assertThat(keys.compare(new KeyValue("a"), new KeyValue("a", "p-1"))).isNegative();
		assertThat(keys.compare(new KeyValue("a", "p-9"), new KeyValue("b"))).isNegative();
	}

	@Test
	void readsBackAKeyWithAMissingValue() {
		BsonValues.Keys keys = new BsonValues.Keys();
		KeyValue key = new KeyValue("team-1", Missing.getInstance(), "p-7");
		WriteBuffer buffer = new WriteBuffer();
		keys.write(buffer, key);

		KeyValue read = keys.read(buffer.getBuffer().flip());
		assertThat(read.get(0)).isEqualTo("team-1");
		assertThat(read.get(1)).isInstanceOf(Missing.class);
		assertThat(read.get(2)).isEqualTo("p-7");
		assertThat(keys.compare(read, key)).isZero();
	}

}
