package org.onesignin.hub.dataexport;

import java.time.Duration;
import java.util.Map;

import org.onesignin.hub.support.HubIntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.test.web.reactive.server.WebTestClient;

import static org.awaitility.Awaitility.await;
import static org.onesignin.hub.support.ConsentInput.aConsent;
import static org.onesignin.hub.support.ServiceAccount.aServiceAccount;

/**
 * What the export tests share: a person with something in every section, and the download
 * as the account pages fetch it.
 */
abstract class DataExportTest extends HubIntegrationTest {

	/** Reads what the hub wrote, as any client would. */
	static final JsonMapper JSON = JsonMapper.builder().build();

	/**
	 * A person linked to two services who changed a detail and a marketing choice and
	 * whose account a support agent read.
	 */
	String busyPerson() {
		String id = registerThrough("my-sony");
		link(id, aServiceAccount().at("sony-music").withId("sm-" + id));
		asAccountHolder(id).documentName("account-pages/updateMyBasicDetails")
			.variable("input", Map.of("expectedRevision", 1, "givenName", "Augusta"))
			.execute();
		asAccountHolder(id).documentName("account-pages/setMyMarketingConsent")
			.variable("input", aConsent().forCompany("sony-music").sms().granted().toInput())
			.execute();
		readAsSupport(id, "T-8");
		return id;
	}

	void readAsSupport(String id, String ticket) {
		asSupportAgent("sony-europe").documentName("support/customerAccount")
			.variable("id", id)
			.variable("ticket", ticket)
			.execute()
			.path("account.id")
			.entity(String.class)
			.isEqualTo(id);
	}

	/** Waits until the relay has moved the person's events to the feeds. */
	void awaitServiceChanges(String id, int count) {
		await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> download(id).path("serviceChanges").size() >= count);
	}

	/** The download, as the person's account pages fetch it. */
	JsonNode download(String id) {
		return okJson(http().get()
			.uri("/me/export")
			.headers((headers) -> headers.setBearerAuth(this.jwts.user(id, "account-pages"))));
	}

	/** The JSON a request answers with 200. */
	static JsonNode okJson(WebTestClient.RequestHeadersSpec<?> request) {
		return JSON.readTree(request.exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody());
	}

}
