package org.onesignin.hub.limits;

import java.io.IOException;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.onesignin.hub.support.HubIntegrationTest;
import org.onesignin.hub.support.RawGraphQl;

import org.springframework.test.context.TestPropertySource;

/**
 * With the production profile's settings ({@code hub.graphql.trusted-documents-only},
 * support tooling exempt), people, partners and anonymous callers run only the trusted
 * documents.
 */
@TestPropertySource(properties = { "hub.graphql.trusted-documents-only=true",
		"hub.graphql.trusted-documents-exempt-callers=support-agent" })
class TrustedDocumentsOnlyIntegrationTests extends HubIntegrationTest {

	@Test
	void refusesAPartnersOwnDocumentBeforeRunningIt() {
		String id = registerThrough("sony-music");

		asPartnerService("sony-music").document("query { account(id: \"" + id + "\") { id signInEmail } }")
			.execute()
			.errors()
			.expect((error) -> "TRUSTED_DOCUMENT_REQUIRED".equals(error.getErrorType().toString())
					&& error.getMessage().contains("/graphql/trusted-documents.json"))
			.verify()
			.path("account")
			.pathDoesNotExist();
	}

	@Test
	void refusesAnAnonymousFragmentBombAsUntrusted() {
		anonymous().document(DocumentCostUnitTests.fragmentBomb(20))
			.execute()
			.errors()
			.expect((error) -> "TRUSTED_DOCUMENT_REQUIRED".equals(error.getErrorType().toString()))
			.verify();
	}

	@Test
	void refusesAPersonsOwnDocument() {
		String id = registerThrough("sony-music");

		asAccountHolder(id).document("query { me { id } }")
			.execute()
			.errors()
			.expect((error) -> "TRUSTED_DOCUMENT_REQUIRED".equals(error.getErrorType().toString()))
			.verify();
	}

	@Test
	void refusesTheOwnDocumentOfAPersonSignedInThroughAPartnersClient() {
		String id = registerThrough("sony-music");

		asAccountHolderThrough(id, "sony-music").document("query { me { id signInEmail } }")
			.execute()
			.errors()
			.expect((error) -> "TRUSTED_DOCUMENT_REQUIRED".equals(error.getErrorType().toString()))
			.verify()
			.path("me")
			.pathDoesNotExist();
	}

	@Test
	void letsEveryCompanysSupportToolingSendItsOwnDocumentsAndStillSeeOnlyItsCustomers() {
		String id = registerThrough("playstation-network");

		asSupportAgent("sony-europe").document("query { account(id: \"" + id + "\", ticket: \"T-2\") { id } }")
			.execute()
			.errors()
			.expect((error) -> error.getErrorType() == org.springframework.graphql.execution.ErrorType.NOT_FOUND)
			.verify()
			.path("account")
			.valueIsNull();
	}

	@Test
	void refusesAForgedTokenBeforeLookingAtItsDocument() throws IOException {
		RawGraphQl
			.exchange(http(), this.jwts.signedWithForeignKey("someone"),
					Map.of("documentId", "sha256:" + TrustedDocumentsIntegrationTests.sha256("account-pages/me")))
			.expectStatus()
			.isUnauthorized();
	}

	@Test
	void runsTheTrustedDocumentsByTextAndById() throws IOException {
		String id = registerThrough("sony-music");

		asAccountHolder(id).documentName("account-pages/me").execute().path("me.id").entity(String.class).isEqualTo(id);
		RawGraphQl
			.post(http(), this.jwts.user(id, "account-pages"),
					Map.of("documentId", "sha256:" + TrustedDocumentsIntegrationTests.sha256("account-pages/me")))
			.jsonPath("$.data.me.id")
			.isEqualTo(id);
	}

	@Test
	void letsTheExemptSupportToolingSendItsOwnDocuments() {
		String id = registerThrough("playstation-network");

		asSupportAgent("sony-interactive").document("query { account(id: \"" + id + "\", ticket: \"T-1\") { id } }")
			.execute()
			.path("account.id")
			.entity(String.class)
			.isEqualTo(id);
	}

}
