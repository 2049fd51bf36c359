package org.onesignin.hub.dataexport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rule 9, the right of access: one JSON document with everything held about the person,
 * checked against every collection that stores data about the account, with the same
 * fields and content whether streamed by the download or answered by the GraphQL field.
 */
class DataExportIntegrationTests extends DataExportTest {

	/** Which export section carries each collection's data about a person. */
	static final Map<String, String> SECTION_OF_COLLECTION = Map.of("accounts", "account", "change_history",
			"changeHistory", "service_account_claims", "serviceAccountClaims", "consent_changes", "consentRecords",
			"access_log", "accessLog", "service_changes", "serviceChanges");

	/** The export's sections, in the order they are written (README, Data export). */
	static final List<String> SECTIONS = List.of("format", "exportedAt", "account", "basicDetails", "linkedAccounts",
			"serviceAccountClaims", "changeHistory", "marketingPreferences", "consentRecords", "accessLog",
			"serviceChanges", "controllers");

	/**
	 * Every field of the export of {@link #busyPerson()} with the kind of its value,
	 * taken from the export as it was before it streamed: names and formats stay exactly
	 * these.
	 */
	static final Path SHAPE = Path.of("src/test/resources/dataexport/export-shape.txt");

	@Autowired
	MongoTemplate mongo;

	@Test
	void exportsFromEveryCollectionThatHoldsTheAccountsData() {
		String id = busyPerson();

		Map<String, Object> export = exportOf(id);

		List<String> collections = collectionsMentioning(id);
		assertThat(collections).isNotEmpty();
		for (String collection : collections) {
			assertThat(SECTION_OF_COLLECTION).as("export section for collection " + collection).containsKey(collection);
			Object section = export.get(SECTION_OF_COLLECTION.get(collection));
			assertThat(section).as(collection).isNotNull();
			if (section instanceof List<?> list) {
				assertThat(list).as(collection).isNotEmpty();
			}
		}
	}

	@Test
	void exportsTheDetailsLinksAndControllers() {
		String id = busyPerson();

		Map<String, Object> export = exportOf(id);

		assertThat(export).containsEntry("format", "one-sign-in-hub/export/v1");
		assertThat(((Map<?, ?>) export.get("basicDetails")).get("givenName")).isEqualTo("Augusta");
		assertThat((List<?>) export.get("linkedAccounts")).hasSize(2);
		assertThat((List<?>) export.get("controllers")).hasSize(2);
		assertThat((List<?>) export.get("changeHistory")).hasSize(1);
	}

	@Test
	void keepsTheDocumentedShapeOfTheExport() throws IOException {
		String id = busyPerson();
		awaitServiceChanges(id, 5);

		JsonNode file = download(id);
		JsonNode field = graphQlExport(id);

		assertThat(file.propertyNames()).containsExactlyElementsOf(SECTIONS);
		assertThat(String.join("\n", shapeOf(file))).isEqualTo(Files.readString(SHAPE).strip());
		assertThat(String.join("\n", shapeOf(field))).isEqualTo(Files.readString(SHAPE).strip());
	}

	@Test
	void streamsAHistoryOfManyPagesWithEveryEntryOnceAsTheGraphQlExportHasIt() {
		// one service only: the feeds other tests read stay short
		String id = registerThrough("my-sony");
		int updates = 101;
		for (int update = 0; update < updates; update++) {
			asAccountHolder(id).documentName("account-pages/updateMyBasicDetails")
				.variable("input",
						Map.of("expectedRevision", 1 + update, "givenName", "Ada" + update, "familyName",
								"Byron" + update, "language", (update % 2 == 0) ? "en-GB" : "fr-FR"))
				.execute()
				.path("updateBasicDetails.errors")
				.entityList(Object.class)
				.hasSize(0);
		}
		for (int read = 0; read < 3; read++) {
			readAsSupport(id, "T-" + read);
			asPartnerService("my-sony").documentName("partner/linkedAccount").variable("id", id).execute();
		}
		// the link's event, then one for each change
		awaitServiceChanges(id, 1 + updates);

		JsonNode file = download(id);
		JsonNode field = graphQlExport(id);

		assertThat(ids(file.path("changeHistory"))).hasSize(3 * updates)
			.doesNotHaveDuplicates()
			.containsExactlyElementsOf(storedIds("change_history", id, "revision", "_id"));
		assertThat(ids(file.path("accessLog"))).hasSize(6)
			.doesNotHaveDuplicates()
			.containsExactlyElementsOf(storedIds("access_log", id, "time", "_id"));
		assertThat(changeIds(file.path("serviceChanges"))).hasSize(1 + updates)
			.doesNotHaveDuplicates()
			.containsExactlyElementsOf(storedIds("service_changes", id, "serviceId", "sequence"));
		assertThat(withoutExportedAt(file)).isEqualTo(withoutExportedAt(field));
	}

	@Test
	void refusesExportToEveryoneButThePerson() {
		asPartnerService("my-sony").documentName("account-pages/exportMyData")
			.execute()
			.errors()
			.expect((error) -> error.getErrorType() == ErrorType.FORBIDDEN)
			.verify();
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> exportOf(String id) {
		return asAccountHolder(id).documentName("account-pages/exportMyData")
			.execute()
			.path("exportMyData.data")
			.entity(LinkedHashMap.class)
			.get();
	}

	/** {@code exportMyData.data}, read from the very JSON text the hub answers. */
	private JsonNode graphQlExport(String id) {
		JsonNode answer = okJson(http().post()
			.uri("/graphql")
			.headers((headers) -> headers.setBearerAuth(this.jwts.user(id, "account-pages")))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("query", operation("account-pages/exportMyData"))));
		return answer.path("data").path("exportMyData").path("data");
	}

	private static String operation(String name) {
		try {
			return Files.readString(Path.of("graphql/operations/" + name + ".graphql"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The ids of the account's documents in a collection, in the order given. */
	private List<String> storedIds(String collection, String accountId, String... order) {
		return this.mongo
			.find(Query.query(Criteria.where("accountId").is(accountId)).with(Sort.by(order)), Document.class,
					collection)
			.stream()
			.map((document) -> document.getString("_id"))
			.toList();
	}

	private static List<String> ids(JsonNode entries) {
		List<String> ids = new ArrayList<>();
		entries.forEach((entry) -> ids.add(entry.path("id").asString()));
		return ids;
	}

	private static List<String> changeIds(JsonNode entries) {
		List<String> ids = new ArrayList<>();
		entries.forEach((entry) -> ids.add(entry.path("change").path("id").asString()));
		return ids;
	}

	private static JsonNode withoutExportedAt(JsonNode export) {
		ObjectNode copy = ((ObjectNode) export).deepCopy();
		copy.remove("exportedAt");
		return copy;
	}

	/** Each field of the document (arrays as {@code []}) with the kind of its value. */
	static SortedSet<String> shapeOf(JsonNode export) {
		SortedSet<String> shape = new TreeSet<>();
		shapeOf(export, "$", shape);
		return shape;
	}

	private static void shapeOf(JsonNode node, String path, SortedSet<String> shape) {
		if (node.isObject()) {
			node.properties().forEach((property) -> {
				shape.add(path + "." + property.getKey() + " " + property.getValue().getNodeType());
				shapeOf(property.getValue(), path + "." + property.getKey(), shape);
			});
		}
		else if (node.isArray()) {
			node.forEach((item) -> {
				shape.add(path + "[] " + item.getNodeType());
				shapeOf(item, path + "[]", shape);
			});
		}
	}

	private List<String> collectionsMentioning(String id) {
		return this.mongo.getCollectionNames()
			.stream()
			.filter((collection) -> this.mongo.findAll(Document.class, collection)
				.stream()
				.anyMatch((document) -> document.toJson().contains(id)))
			.sorted()
			.toList();
	}

}
