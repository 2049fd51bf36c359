package org.onesignin.hub.limits;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.onesignin.hub.support.HubIntegrationTest;
import org.onesignin.hub.support.RawGraphQl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onesignin.hub.support.RegistrationInput.aRegistration;

/**
 * The trusted documents: the published operations, sent by their text or by id, and with
 * {@code hub.graphql.trusted-documents-only} the only documents that run for the callers
 * it restricts.
 */
class TrustedDocumentsIntegrationTests extends HubIntegrationTest {

	@Test
	void publishesEveryClientDocumentUnderTheSha256OfItsText() throws IOException {
		List<Path> files = clientDocuments();

		http().get()
			.uri("/graphql/trusted-documents.json")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.format")
			.isEqualTo("apollo-persisted-query-manifest")
			.jsonPath("$.operations.length()")
			.isEqualTo(files.size())
			.jsonPath("$.operations[?(@.name == 'registerAccount')].id")
			.isEqualTo(sha256("partner/registerAccount"))
			.jsonPath("$.operations[?(@.name == 'registerAccount')].type")
			.isEqualTo("mutation");
	}

	@Test
	void runsADocumentSentByItsDocumentId() throws IOException {
		RawGraphQl
			.post(http(), this.jwts.partner("sony-music"),
					Map.of("documentId", "sha256:" + sha256("partner/registerAccount"), "variables",
							Map.of("input", newPerson("sony-music"))))
			.jsonPath("$.data.registerAccount.account.id")
			.isNotEmpty()
			.jsonPath("$.data.registerAccount.account.linkedAccounts[0].service.id")
			.isEqualTo("sony-music");
	}

	@Test
	void runsAnApolloPersistedQuerySentByItsHash() throws IOException {
		RawGraphQl
			.post(http(), this.jwts.partner("sony-music"),
					Map.of("extensions",
							Map.of("persistedQuery",
									Map.of("version", 1, "sha256Hash", sha256("partner/registerAccount"))),
							"variables", Map.of("input", newPerson("sony-music"))))
			.jsonPath("$.data.registerAccount.account.id")
			.isNotEmpty();
	}

	@Test
	void answersAnUnknownIdAsNotFoundAndRunsNothing() {
		RawGraphQl
			.post(http(), this.jwts.partner("sony-music"),
					Map.of("documentId", "sha256:" + "0".repeat(64), "variables",
							Map.of("input", newPerson("sony-music"))))
			.jsonPath("$.errors[0].extensions.classification")
			.isEqualTo("PERSISTED_QUERY_NOT_FOUND")
			.jsonPath("$.errors[0].message")
			.isEqualTo("PersistedQueryNotFound")
			.jsonPath("$.data")
			.doesNotExist();
	}

	@Test
	void refusesAnIdSentWithADocumentText() throws IOException {
		RawGraphQl
			.post(http(), this.jwts.partner("sony-music"),
					Map.of("documentId", "sha256:" + sha256("partner/registerAccount"), "query",
							"{ companies { id } }"))
			.jsonPath("$.errors[0].extensions.classification")
			.isEqualTo("BAD_REQUEST")
			.jsonPath("$.data")
			.doesNotExist();
	}

	@Test
	void refusesAnApolloHashThatIsNotTheHashOfTheQuerySentWithIt() throws IOException {
		RawGraphQl
			.post(http(), this.jwts.partner("sony-music"),
					Map.of("query", "{ companies { id } }", "extensions",
							Map.of("persistedQuery",
									Map.of("version", 1, "sha256Hash", sha256("partner/registerAccount")))))
			.jsonPath("$.errors[0].extensions.classification")
			.isEqualTo("BAD_REQUEST")
			.jsonPath("$.data")
			.doesNotExist();
	}

	@Test
	void findsADocumentWhateverTheCaseOfItsIdAndAnIdWhoseKeyIsEscaped() throws IOException {
		String id = registerThrough("sony-music");
		String json = "{\"document\\u0049d\": \"SHA256:" + sha256("account-pages/me").toUpperCase() + "\"}";

		RawGraphQl.post(http(), this.jwts.user(id, "account-pages"), json).jsonPath("$.data.me.id").isEqualTo(id);
	}

	@Test
	void answersAnUnknownIdWithStatus400ToAClientThatAsksForGraphQlResponses() {
		http().post()
			.uri("/graphql")
			.headers((headers) -> headers.setBearerAuth(this.jwts.partner("sony-music")))
			.contentType(org.springframework.http.MediaType.APPLICATION_JSON)
			.accept(org.springframework.http.MediaType.parseMediaType("application/graphql-response+json"))
			.bodyValue(Map.of("documentId", "sha256:" + "0".repeat(64)))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].extensions.classification")
			.isEqualTo("PERSISTED_QUERY_NOT_FOUND");
	}

	@Test
	void stillLimitsTheCostOfADocumentItHasParsedBefore() throws IOException {
		Map<String, Object> firstPage = Map.of("documentId", "sha256:" + sha256("partner/serviceChanges"), "variables",
				Map.of("serviceId", "sony-music", "first", 10));
		RawGraphQl.post(http(), this.jwts.partner("sony-music"), firstPage).jsonPath("$.errors").doesNotExist();

		RawGraphQl
			.post(http(), this.jwts.partner("sony-music"),
					Map.of("documentId", "sha256:" + sha256("partner/serviceChanges"), "variables",
							Map.of("serviceId", "sony-music", "first", 0)))
			.jsonPath("$.errors[0].extensions.classification")
			.isEqualTo("BAD_REQUEST")
			.jsonPath("$.data")
			.doesNotExist();
	}

	@Test
	void runsAnyDocumentWhileTrustedDocumentsOnlyIsOff() {
		anonymous().document("query { privacyContacts { id } }").execute().path("privacyContacts[0].id").hasValue();
	}

	private static Map<String, Object> newPerson(String serviceId) {
		return aRegistration().withEmail("trusted-" + UUID.randomUUID() + "@example.com")
			.forServiceAccount(serviceId + "-" + UUID.randomUUID())
			.toInput();
	}

	static String sha256(String name) throws IOException {
		return TrustedDocuments
			.idOf(Files.readString(Path.of("graphql/operations/" + name + ".graphql"), StandardCharsets.UTF_8));
	}

	private static List<Path> clientDocuments() throws IOException {
		try (Stream<Path> files = Files.walk(Path.of("graphql/operations"))) {
			return files.filter((path) -> path.toString().endsWith(".graphql")).toList();
		}
	}

}
