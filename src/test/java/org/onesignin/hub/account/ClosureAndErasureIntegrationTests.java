package org.onesignin.hub.account;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.onesignin.hub.audit.AccessLog;
import org.onesignin.hub.preferences.ConsentLedgers;
import org.onesignin.hub.preferences.ConsentRecord;
import org.onesignin.hub.shared.PageRequest;
import org.onesignin.hub.support.HubIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.reactive.function.BodyInserters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onesignin.hub.support.CancellationInput.aCancellationOf;
import static org.onesignin.hub.support.ConsentInput.aConsent;
import static org.onesignin.hub.support.ServiceAccount.aServiceAccount;

/**
 * Closing an identity (refused while linked accounts are active) and the retention job
 * erasing it (here with a retention period of zero), keeping only pseudonymised consent
 * records and access log entries.
 */
@TestPropertySource(properties = "hub.retention.period=0s")
class ClosureAndErasureIntegrationTests extends HubIntegrationTest {

	@Autowired
	AccountRetention retention;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	AccessLog accessLog;

	@Autowired
	ConsentLedgers consents;

	@Test
	void refusesClosureWhileLinkedAccountsAreActiveListingEachController() {
		String id = registerThrough("my-sony");
		link(id, aServiceAccount().at("sony-music").withId("sm-" + id));

		close(id).path("closeAccount.account")
			.valueIsNull()
			.path("closeAccount.errors[0].code")
			.entity(String.class)
			.isEqualTo("LINKED_ACCOUNTS_ACTIVE")
			.path("closeAccount.errors[0].activeLinks[*].service.id")
			.entityList(String.class)
			.containsExactly("my-sony", "sony-music")
			.path("closeAccount.errors[0].activeLinks[*].controller.id")
			.entityList(String.class)
			.containsExactly("sony-europe", "sony-music");
	}

	@Test
	void closesOnceEveryLinkIsCancelledAndStopsSignIn() {
		String email = uniqueEmail();
		String id = registerThrough("my-sony", email, Map.of("givenName", "Ada"));
		cancelOwn(id);
		signIn(email).expectStatus().isOk();

		close(id).path("closeAccount.account.status").entity(String.class).isEqualTo("CLOSED");

		signIn(email).expectStatus().isBadRequest();
	}

	private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec signIn(String email) {
		return http().post()
			.uri("/local/token")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(BodyInserters.fromFormData("client_id", "account-pages")
				.with("username", email)
				.with("password", "a perfectly fine passphrase"))
			.exchange();
	}

	@Test
	void erasesAClosedIdentityAfterRetentionKeepingPseudonymisedProof() {
		String email = uniqueEmail();
		String id = registerThrough("my-sony", email, Map.of("givenName", "Ada", "familyName", "Lovelace"));
		asAccountHolder(id).documentName("account-pages/setMyMarketingConsent")
			.variable("input", aConsent().forCompany("sony-europe").email().granted().toInput())
			.execute();
		asSupportAgent("sony-europe").documentName("support/customerAccount")
			.variable("id", id)
			.variable("ticket", "T-3")
			.execute();
		asAccountHolder(id).documentName("account-pages/updateMyBasicDetails")
			.variable("input", Map.of("expectedRevision", 1, "familyName", "King"))
			.execute();
		cancelOwn(id);
		close(id);

		int erased = this.retention.run();

		assertThat(erased).isGreaterThanOrEqualTo(1);
		assertThat(documentsMentioning(email)).isEmpty();
		assertThat(documentsMentioning("Lovelace")).isEmpty();
		assertThat(this.mongo.findById(id, Document.class, "accounts").getString("status")).isEqualTo("ERASED");
		List<ConsentRecord> records = this.consents.load(id).records();
		assertThat(records).hasSize(1);
		assertThat(records.get(0).address()).startsWith("pseudonym:");
		assertThat(this.accessLog.page(id, PageRequest.first(100)).items()).isNotEmpty();
		asAccountHolder(id).documentName("account-pages/me").execute().path("me").valueIsNull();
		assertThat(this.retention.run()).isZero();
	}

	private GraphQlTester.Response close(String id) {
		return asAccountHolder(id).documentName("account-pages/closeMyAccount").variable("input", Map.of()).execute();
	}

	private void cancelOwn(String id) {
		asAccountHolder(id).documentName("account-pages/cancelMyServiceAccount")
			.variable("input", aCancellationOf("my-sony").toInput())
			.execute()
			.path("cancelServiceAccount.errors")
			.entityList(Object.class)
			.hasSize(0);
	}

	/** Every stored document, in every collection, whose JSON contains the text. */
	private List<String> documentsMentioning(String text) {
		List<String> found = new ArrayList<>();
		for (String collection : this.mongo.getCollectionNames()) {
			for (Document document : this.mongo.findAll(Document.class, collection)) {
				if (document.toJson().contains(text)) {
					found.add(collection + ": " + document.get("_id"));
				}
			}
		}
		return found;
	}

}
