package org.onesignin.hub.dataexport;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.onesignin.hub.support.HubIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.graphql.execution.ErrorType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onesignin.hub.support.ConsentInput.aConsent;
import static org.onesignin.hub.support.ServiceAccount.aServiceAccount;

/**
 * Rule 9, the right of access: one JSON document with everything held about the person,
 * checked against every collection that stores data about the account.
 */
class DataExportIntegrationTests extends HubIntegrationTest {

	/** Which export section carries each collection's data about a person. */
	static final Map<String, String> SECTION_OF_COLLECTION = Map.of("accounts", "account", "change_history",
			"changeHistory", "service_account_claims", "serviceAccountClaims", "consent_changes", "consentRecords",
			"access_log", "accessLog", "service_changes", "serviceChanges");

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
	void servesTheSameExportAsAFileDownload() {
		String id = busyPerson();

		Map<String, Object> file = http().get()
			.uri("/me/export")
			.headers((headers) -> headers.setBearerAuth(this.jwts.user(id, "account-pages")))
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueMatches("Content-Disposition", "attachment; filename=\"?one-sign-in-export.json\"?")
			.expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.returnResult()
			.getResponseBody();

		assertThat(file).containsKeys("account", "basicDetails", "consentRecords", "accessLog");
		http().get().uri("/me/export").exchange().expectStatus().isUnauthorized();
	}

	@Test
	void refusesExportToEveryoneButThePerson() {
		asPartnerService("my-sony").documentName("account-pages/exportMyData")
			.execute()
			.errors()
			.expect((error) -> error.getErrorType() == ErrorType.FORBIDDEN)
			.verify();
	}

	private String busyPerson() {
		String id = registerThrough("my-sony");
		link(id, aServiceAccount().at("sony-music").withId("sm-" + id));
		asAccountHolder(id).documentName("account-pages/updateMyBasicDetails")
			.variable("input", Map.of("expectedRevision", 1, "givenName", "Augusta"))
			.execute();
		asAccountHolder(id).documentName("account-pages/setMyMarketingConsent")
			.variable("input", aConsent().forCompany("sony-music").sms().granted().toInput())
			.execute();
		asSupportAgent("sony-europe").documentName("support/customerAccount")
			.variable("id", id)
			.variable("ticket", "T-8")
			.execute();
		return id;
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> exportOf(String id) {
		return asAccountHolder(id).documentName("account-pages/exportMyData")
			.execute()
			.path("exportMyData.data")
			.entity(LinkedHashMap.class)
			.get();
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
