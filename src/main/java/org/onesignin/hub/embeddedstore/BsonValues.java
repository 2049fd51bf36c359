package org.onesignin.hub.embeddedstore;

import java.nio.ByteBuffer;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

/**
 * How the embedded store keeps documents and index keys in its H2 file: as BSON, the
 * format they arrive in, instead of H2's default Java serialization, which took two
 * fifths of a write's time (issue 10's profile) and, for index keys, serialised both keys
 * of every comparison.
 */
final class BsonValues {

	/**
	 * Marks a BSON document. H2's own encoding starts every value with a tag from 0 to
	 * 127, so a value written before (Java-serialised) is told apart and still read.
	 */
	private static final byte BSON = (byte) 0xB5;

	private BsonValues() {
	}

	/** Documents: written as BSON; Java-serialised ones (older files) still read. */
	static final class Documents extends BasicDataType<Document> {

		private final ObjectDataType older = new ObjectDataType();

		@Override
		public int getMemory(Document document) {
			// sampled by H2 (estimation allowed): what the document takes on the heap
			// is about three times its BSON
			return 3 * encode(document).length;
		}

		@Override
		public boolean isMemoryEstimationAllowed() {
			return true;
		}

		@Override
		public void write(WriteBuffer buffer, Document document) {
			buffer.put(BSON).put(encode(document));
		}

		@Override
		public Document read(ByteBuffer buffer) {
			if (buffer.get(buffer.position()) != BSON) {
				return (Document) this.older.read(buffer);
			}
			buffer.get();
			return decode(buffer);
		}

		@Override
		public Document[] createStorage(int size) {
			return new Document[size];
		}

	}

	/**
	 * Unique index keys: ordered by MongoDB's value order, element by element (no
	 * serialisation to compare), written as a BSON document of their elements.
	 */
	static final class Keys extends BasicDataType<KeyValue> {

		private static final ValueComparator ORDER = ValueComparator.asc();

		@Override
		public int compare(KeyValue one, KeyValue other) {
			return compareLists(one.stream().toList(), other.stream().toList());
		}

		/**
		 * MongoDB's value order, except that lists are compared element by element (the
		 * value order compares a list by its smallest element, which would make two
		 * different lists the same key).
		 */
		static int compareValues(Object one, Object other) {
			if (one instanceof java.util.List<?> ones && other instanceof java.util.List<?> others) {
				return compareLists(ones, others);
			}
			return ORDER.compare(one, other);
		}

		/** Element by element; a list's prefix before the list. */
		private static int compareLists(java.util.List<?> ones, java.util.List<?> others) {
			int common = Math.min(ones.size(), others.size());
			for (int i = 0; i < common; i++) {
				int order = compareValues(ones.get(i), others.get(i));
				if (order != 0) {
					return order;
				}
			}
			return Integer.compare(ones.size(), others.size());
		}

		@Override
		public int getMemory(KeyValue key) {
			return 64 + 48 * key.size();
		}

		@Override
		public void write(WriteBuffer buffer, KeyValue key) {
			// a missing field is left out of the document: its place says it was missing
			Document elements = new Document();
			for (int i = 0; i < key.size(); i++) {
				if (!(key.get(i) instanceof Missing)) {
					elements.put(Integer.toString(i), key.get(i));
				}
			}
			buffer.put((byte) key.size()).put(encode(elements));
		}

		@Override
		public KeyValue read(ByteBuffer buffer) {
			int size = buffer.get();
			Document elements = decode(buffer);
			Object[] values = new Object[size];
			for (int i = 0; i < size; i++) {
				String name = Integer.toString(i);
				values[i] = elements.containsKey(name) ? elements.get(name) : Missing.getInstance();
			}
			return new KeyValue(values);
		}

		@Override
		public KeyValue[] createStorage(int size) {
			return new KeyValue[size];
		}

	}

	private static byte[] encode(Document document) {
		ByteBuf out = Unpooled.buffer(256);
		try {
			BsonEncoder.encodeDocument(document, out);
			byte[] bytes = new byte[out.readableBytes()];
			out.readBytes(bytes);
			return bytes;
		}
		finally {
			out.release();
		}
	}

	/** The BSON document at the buffer's position; the position moves past it. */
	private static Document decode(ByteBuffer buffer) {
		int start = buffer.position();
		// BSON begins with its whole length, little-endian
		int length = (buffer.get(start) & 0xff) | (buffer.get(start + 1) & 0xff) << 8
				| (buffer.get(start + 2) & 0xff) << 16 | (buffer.get(start + 3) & 0xff) << 24;
		Document document = BsonDecoder.decodeBson(Unpooled.wrappedBuffer(buffer.slice(start, length)));
		buffer.position(start + length);
		return document;
	}

}
