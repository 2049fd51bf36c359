package org.onesignin.hub.limits;

import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.onesignin.hub.audit.AccessLog;
import org.onesignin.hub.shared.PageRequest;
import org.onesignin.hub.support.HubIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.FileSystemResource;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.util.StreamUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What one request may make the hub do: documents past a cost limit are refused before
 * they run, page sizes are bounded, and subscriptions do not run over HTTP.
 */
class RequestLimitsIntegrationTests extends HubIntegrationTest {

	@Autowired
	AccessLog accessLog;

	@Test
	void refusesAnAnonymousFragmentBombBeforeValidatingIt() {
		anonymous().document(DocumentCostUnitTests.fragmentBomb(20))
			.execute()
			.errors()
			.expect((error) -> "QUERY_TOO_COMPLEX".equals(error.getErrorType().toString())
					&& "complexity".equals(error.getExtensions().get("limit")))
			.verify()
			.path("privacyContacts")
			.pathDoesNotExist();
	}

	@Test
	void refusesAnAliasFloodOfAccountReadsAndLogsNothing() {
		String id = registerThrough("playstation-network");
		String reads = IntStream.range(0, 200)
			.mapToObj((i) -> "r" + i + ": account(id: \"" + id + "\") { id }")
			.collect(Collectors.joining(" "));

		asPartnerService("playstation-network").document("query { " + reads + " }")
			.execute()
			.errors()
			.expect((error) -> "QUERY_TOO_COMPLEX".equals(error.getErrorType().toString()))
			.verify();

		assertThat(this.accessLog.page(id, PageRequest.first(100)).items()).isEmpty();
	}

	@Test
	void measuresTheOperationThatRunsWhenTheOperationNameIsEmpty() {
		String flood = IntStream.range(0, 30)
			.mapToObj((i) -> "c" + i + ": companies { id }")
			.collect(Collectors.joining(" "));

		String body = postRaw(null, Map.of("query", "{ " + flood + " }", "operationName", ""));

		assertThat(body).contains("QUERY_TOO_COMPLEX").doesNotContain("\"data\":{");
	}

	@Test
	void refusesANegativePageSizeBeforeRunning() {
		asPartnerService("sony-music").documentName("partner/serviceChanges")
			.variable("serviceId", "sony-music")
			.variable("first", -1)
			.execute()
			.errors()
			.expect((error) -> error.getErrorType() == ErrorType.BAD_REQUEST)
			.verify();
	}

	@Test
	void refusesASubscriptionOverHttpWhateverItsOperationName() {
		String body = postRaw(this.jwts.partner("sony-music"), Map.of("query",
				"subscription { serviceChanged(serviceId: \"sony-music\") { id } }", "operationName", ""));

		assertThat(body).contains("BAD_REQUEST").doesNotContain("upstreamPublisher");
	}

	@Test
	void refusesADocumentNestedDeeperThanTheLimit() {
		String nested = "services { controller { ".repeat(8) + "id" + " } }".repeat(8);

		anonymous().document("query { privacyContacts { " + nested + " } }")
			.execute()
			.errors()
			.expect((error) -> "QUERY_TOO_COMPLEX".equals(error.getErrorType().toString())
					&& "depth".equals(error.getExtensions().get("limit")))
			.verify();
	}

	@Test
	void refusesAPageSizeOfZeroInsteadOfAnsweringEverything() {
		asPartnerService("sony-music").documentName("partner/serviceChanges")
			.variable("serviceId", "sony-music")
			.variable("first", 0)
			.execute()
			.errors()
			.expect((error) -> error.getErrorType() == ErrorType.BAD_REQUEST)
			.verify();
	}

	@Test
	void refusesAPageSizeOverTheMaximum() {
		asPartnerService("sony-music").documentName("partner/serviceChanges")
			.variable("serviceId", "sony-music")
			.variable("first", 101)
			.execute()
			.errors()
			.expect((error) -> error.getErrorType() == ErrorType.BAD_REQUEST)
			.verify();
	}

	@Test
	void refusesABodyOverTheLimitWith413() {
		String padding = "x".repeat(300 * 1024);

		http().post()
			.uri("/graphql")
			.contentType(org.springframework.http.MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("query", "{ companies { id } }", "variables", Map.of("padding", padding)))
			.exchange()
			.expectStatus()
			.isEqualTo(413);
	}

	@Test
	void refusesAnOverlongTicketAsAValidationErrorOnItsField() {
		String id = registerThrough("playstation-network");

		asSupportAgent("sony-interactive").documentName("support/cancelServiceAccount")
			.variable("input",
					Map.of("accountId", id, "serviceId", "playstation-network", "ticket", "T".repeat(10_000)))
			.execute()
			.path("cancelServiceAccount.errors[*].field[1]")
			.entityList(String.class)
			.containsExactly("ticket");
	}

	@Test
	void refusesAnOverlongReasonAndCancelsNothing() {
		String id = registerThrough("playstation-network");

		asSupportAgent("sony-interactive").documentName("support/cancelServiceAccount")
			.variable("input",
					Map.of("accountId", id, "serviceId", "playstation-network", "ticket", "T-1", "reason",
							"r".repeat(10_000)))
			.execute()
			.path("cancelServiceAccount.errors[*].field[1]")
			.entityList(String.class)
			.containsExactly("reason");

		assertThat(eventTypes("playstation-network", id)).doesNotContain("service-account.cancelled");
	}

	@Test
	void refusesAHugeEmailAddressQuicklyAsAValidationError() {
		String id = registerThrough("sony-music");
		String huge = "a".repeat(200_000) + "@";

		asAccountHolder(id).documentName("account-pages/setMyMarketingConsent")
			.variable("input",
					Map.of("companyId", "sony-music", "channel", "EMAIL", "address", huge, "state", "GRANTED",
							"policyVersion", "2026-01"))
			.execute()
			.path("setMarketingConsent.errors[*].field[1]")
			.entityList(String.class)
			.contains("address");
	}

	private String postRaw(String token, Map<String, Object> body) {
		return http().post().uri("/graphql").headers((headers) -> {
			if (token != null) {
				headers.setBearerAuth(token);
			}
		})
			.contentType(org.springframework.http.MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
	}

	@Test
	void refusesASubscriptionSentOverHttp() throws Exception {
		String document = StreamUtils.copyToString(
				new FileSystemResource("graphql/operations/partner/serviceChanged.graphql").getInputStream(),
				java.nio.charset.StandardCharsets.UTF_8);

		String body = http().post()
			.uri("/graphql")
			.headers((headers) -> headers.setBearerAuth(this.jwts.partner("sony-music")))
			.contentType(org.springframework.http.MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("query", document, "variables", Map.of("serviceId", "sony-music")))
			.exchange()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();

		assertThat(body).contains("BAD_REQUEST").doesNotContain("upstreamPublisher").doesNotContain("prefetch");
	}

}
