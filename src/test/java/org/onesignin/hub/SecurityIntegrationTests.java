package org.onesignin.hub;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.junit.jupiter.api.Test;
import org.onesignin.hub.support.HubIntegrationTest;
import org.onesignin.hub.support.Ref;

import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Token validation at the edge: anonymous GraphQL calls get UNAUTHORIZED errors, bad
 * tokens are refused with HTTP 401 before any GraphQL runs.
 */
class SecurityIntegrationTests extends HubIntegrationTest {

	@Test
	void refusesAnonymousRegistryReadsAsUnauthorized() {
		anonymous().documentName("account-pages/registry")
			.execute()
			.errors()
			.expect((error) -> error.getErrorType() == ErrorType.UNAUTHORIZED)
			.verify();
	}

	@Test
	void refusesAnonymousMeAsUnauthorized() {
		anonymous().documentName("account-pages/me")
			.execute()
			.errors()
			.expect((error) -> error.getErrorType() == ErrorType.UNAUTHORIZED)
			.verify();
	}

	@Test
	void refusesAnonymousRegistrationAsUnauthorized() {
		anonymous()
			.document("mutation { registerAccount(input: {email: \"a@example.com\", password: \"x\", "
					+ "serviceAccountId: \"1\", basicDetails: {}}) { errors { code } } }")
			.execute()
			.errors()
			.expect((error) -> error.getErrorType() == ErrorType.UNAUTHORIZED)
			.verify();
	}

	@Test
	void rejectsATokenSignedWithAnotherKey() {
		postMe(this.jwts.signedWithForeignKey("someone")).expectStatus().isUnauthorized();
	}

	@Test
	void rejectsAnExpiredToken() {
		postMe(this.jwts.expired("someone")).expectStatus().isUnauthorized();
	}

	@Test
	void rejectsATokenFromAnotherIssuer() {
		postMe(this.jwts.withIssuer("someone", "https://evil.example")).expectStatus().isUnauthorized();
	}

	@Test
	void rejectsATokenForAnotherAudience() {
		postMe(this.jwts.withAudience("someone", "another-api")).expectStatus().isUnauthorized();
	}

	@Test
	void acceptsAValidPartnerTokenForRegistryReads() {
		GraphQlTester.Response registry = asPartnerService("sony-music").documentName("account-pages/registry")
			.execute();

		registry.path("companies[*].id")
			.entityList(String.class)
			.contains("sony-europe", "sony-interactive", "sony-music", "sony-electronics");
		assertThat(registry.path("services").entityList(RegisteredService.class).get())
			.filteredOn((service) -> service.id().equals("playstation-network"))
			.extracting((service) -> service.controller().id())
			.containsExactly("sony-interactive");
	}

	@Test
	void answersMalformedRequestsWithoutInternals() {
		http().post()
			.uri("/graphql")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{not json")
			.exchange()
			.expectBody(String.class)
			.value((body) -> assertThat(body).doesNotContain("Exception").doesNotContain("at org."));
	}

	private WebTestClient.ResponseSpec postMe(String token) {
		return http().post()
			.uri("/graphql")
			.headers((headers) -> headers.setBearerAuth(token))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"query\":\"{ me { id } }\"}")
			.exchange();
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record RegisteredService(String id, Ref controller) {

	}

}
