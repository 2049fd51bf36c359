package org.onesignin.hub.account;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.onesignin.hub.support.HubIntegrationTest;
import org.onesignin.hub.support.RawGraphQl;
import org.onesignin.hub.support.RegistrationInput;

import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onesignin.hub.support.ServiceAccount.aServiceAccount;

/**
 * The credential operations and fields as every kind of caller meets them: only the owner
 * on the account pages changes a password; asking for a reset answers the same to anyone;
 * an address awaiting confirmation is seen by the owner and support alone.
 */
class CredentialCallersIntegrationTests extends HubIntegrationTest {

	private static final Map<String, Object> CHANGE = Map.of("currentPassword", RegistrationInput.PASSWORD,
			"newPassword", "another fine passphrase");

	@Test
	void letsOnlyTheOwnerOnTheAccountPagesChangeThePassword() {
		String id = registerThrough("my-sony");

		forbidden(changePassword(asAccountHolderThrough(id, "my-sony")));
		forbidden(changePassword(asPartnerService("my-sony")));
		forbidden(changePassword(asSupportAgent("sony-europe")));
		forbidden(changePassword(asSupportAgent("sony-interactive")));
		changePassword(anonymous()).errors().expect((error) -> error.getErrorType() == ErrorType.UNAUTHORIZED).verify();
		RawGraphQl.exchange(http(), this.jwts.signedWithForeignKey(id),
				Map.of("query", "mutation($i: ChangePasswordInput!) { changePassword(input: $i) { errors { code } } }",
						"variables", Map.of("i", CHANGE)))
			.expectStatus()
			.isUnauthorized();

		// nothing changed: the owner's current password is still the one registered
		changePassword(asAccountHolder(id)).path("changePassword.errors").entityList(Object.class).hasSize(0);
	}

	@Test
	void answersAResetRequestTheSameToEveryCallerAndRefusesAForgedToken() {
		String email = uniqueEmail();
		String id = registerThrough("my-sony", email, Map.of());

		String anonymous = resetAnswer(anonymous(), email);

		assertThat(resetAnswer(asPartnerService("sony-music"), email)).isEqualTo(anonymous);
		assertThat(resetAnswer(asSupportAgent("sony-interactive"), email)).isEqualTo(anonymous);
		assertThat(resetAnswer(asAccountHolderThrough(id, "sony-music"), email)).isEqualTo(anonymous);
		assertThat(resetAnswer(anonymous(), "not an address")).contains("VALIDATION");
		RawGraphQl
			.exchange(http(), this.jwts.signedWithForeignKey(id),
					Map.of("query",
							"mutation { requestPasswordReset(input: {email: \"" + email + "\"}) { errors { code } } }"))
			.expectStatus()
			.isUnauthorized();
	}

	@Test
	void showsAnAddressAwaitingConfirmationToNobodyButTheOwnerAndTheirCompanysSupport() {
		String id = registerThrough("my-sony");
		link(id, aServiceAccount().at("sony-music").withId("sm-" + id));
		String newEmail = uniqueEmail();
		asAccountHolder(id).documentName("account-pages/changeMySignInEmail")
			.variable("input", Map.of("expectedRevision", 1, "newEmail", newEmail))
			.execute()
			.path("changeSignInEmail.errors")
			.entityList(Object.class)
			.hasSize(0);
		String query = "query($id: ID!) { account(id: $id, ticket: \"T-1\") { emailVerified pendingSignInEmail } }";

		asAccountHolderThrough(id, "sony-music").document("{ me { emailVerified pendingSignInEmail } }")
			.execute()
			.path("me.emailVerified")
			.entity(Boolean.class)
			.isEqualTo(true)
			.path("me.pendingSignInEmail")
			.valueIsNull();
		asPartnerService("sony-music").document(query)
			.variable("id", id)
			.execute()
			.path("account.pendingSignInEmail")
			.valueIsNull();
		asSupportAgent("sony-music").document(query)
			.variable("id", id)
			.execute()
			.path("account.pendingSignInEmail")
			.entity(String.class)
			.isEqualTo(newEmail);
		asSupportAgent("sony-electronics").document(query)
			.variable("id", id)
			.execute()
			.errors()
			.expect((error) -> error.getErrorType() == ErrorType.NOT_FOUND)
			.verify();
	}

	private static GraphQlTester.Response changePassword(GraphQlTester tester) {
		return tester.documentName("account-pages/changeMyPassword").variable("input", CHANGE).execute();
	}

	private static String resetAnswer(GraphQlTester tester, String email) {
		return tester.documentName("account-pages/requestPasswordReset")
			.variable("input", Map.of("email", email))
			.execute()
			.path("requestPasswordReset")
			.entity(Object.class)
			.get()
			.toString();
	}

	private static void forbidden(GraphQlTester.Response response) {
		response.errors().expect((error) -> error.getErrorType() == ErrorType.FORBIDDEN).verify();
	}

}
