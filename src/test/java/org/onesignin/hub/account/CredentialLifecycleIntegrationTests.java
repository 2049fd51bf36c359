package org.onesignin.hub.account;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.onesignin.hub.support.FeedEvent;
import org.onesignin.hub.support.HubIntegrationTest;
import org.onesignin.hub.support.RegistrationInput;
import org.onesignin.hub.support.SignInFlow;
import org.onesignin.hub.support.TestMailbox;

import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onesignin.hub.support.RegistrationInput.aRegistration;

/**
 * The credential lifecycle as people and services meet it: verification links mailed
 * through a real SMTP server and followed on the sign-in server's pages, the
 * pre-hijacking scenario, sign-in email changes, password change and reset.
 */
// every test here signs in from 127.0.0.1: its own context, with room for their failures
@TestPropertySource(properties = "hub.credentials.lockout.address-failures=1000")
class CredentialLifecycleIntegrationTests extends HubIntegrationTest {

	private static final Duration MAIL = Duration.ofSeconds(10);

	private static final String PLANTED = "a password the partner chose";

	private static final String OWNERS = "the owner's own passphrase";

	@Test
	void endsAPreHijackingWithTheOwnerHoldingTheAddressAndThePlantedPasswordUseless() {
		String email = uniqueEmail();
		String planted = register("sony-rewards", email, PLANTED);
		String owners = register("sony-music", email, OWNERS);

		MimeMessage ownersMail = TestMailbox.mailsTo(email, 2, MAIL)
			.stream()
			.filter((mail) -> TestMailbox.textOf(mail).contains("Sony Music"))
			.findFirst()
			.orElseThrow();
		assertThat(confirmLink(TestMailbox.linkIn(ownersMail), OWNERS).getStatus().value()).isEqualTo(200);

		assertThat(signIn(email, PLANTED)).isEqualTo("/login?error");
		assertThat(signIn(email, OWNERS)).isEqualTo("/");
		assertThat(meOf(owners).get("emailVerified")).isEqualTo(true);
		assertThat(wholeFeedEvents("sony-rewards", planted)).extracting(FeedEvent::type)
			.containsExactly("service-account.linked", "service-account.cancelled");
		assertThat(wholeFeedEvents("sony-rewards", planted).get(1).data()).containsEntry("reason",
				"EMAIL_CLAIMED_BY_OWNER");
	}

	@Test
	void neverConfirmsAnotherRegistrationWithoutItsPassword() {
		String email = uniqueEmail();
		register("sony-rewards", email, PLANTED);
		URI plantedLink = TestMailbox.linkIn(TestMailbox.mailsTo(email, 1, MAIL).get(0));

		EntityExchangeResult<String> withOwnersPassword = confirmLink(plantedLink, OWNERS);

		assertThat(withOwnersPassword.getStatus().value()).isEqualTo(400);
		assertThat(withOwnersPassword.getResponseBody()).contains("The password is not right");
		assertThat(signIn(email, PLANTED)).isEqualTo("/login?error");
	}

	@Test
	void keepsAnUnverifiedIdentityFromSigningInAndFromLinkingASecondService() {
		String email = uniqueEmail();
		String id = register("sony-rewards", email, OWNERS);

		assertThat(signIn(email, OWNERS)).isEqualTo("/login?error");
		asAccountHolderThrough(id, "sony-music").documentName("account-pages/linkServiceAccount")
			.variable("input", Map.of("serviceId", "sony-music", "serviceAccountId", "music-" + UUID.randomUUID()))
			.execute()
			.path("linkServiceAccount.errors[0].code")
			.entity(String.class)
			.isEqualTo("EMAIL_NOT_VERIFIED");
	}

	@Test
	void refusesAVerifiedAddressFromAServiceTheRegistryDoesNotTrustToVerify() {
		asPartnerService("sony-rewards").documentName("partner/registerAccount")
			.variable("input",
					aRegistration().withEmail(uniqueEmail())
						.forServiceAccount("rewards-" + UUID.randomUUID())
						.toInput())
			.execute()
			.path("registerAccount.errors[0].field")
			.entityList(String.class)
			.containsExactly("input", "emailVerified");
	}

	@Test
	void usesAConfirmationLinkOnceOnlyAfterAWrongPasswordLeftItUsable() {
		String email = uniqueEmail();
		String id = register("sony-music", email, OWNERS);
		URI link = TestMailbox.linkIn(TestMailbox.mailsTo(email, 1, MAIL).get(0));

		assertThat(confirmLink(link, "not the password").getStatus().value()).isEqualTo(400);
		assertThat(confirmLink(link, OWNERS).getStatus().value()).isEqualTo(200);
		assertThat(statusOfLink(link)).isEqualTo(410);
		assertThat(meOf(id).get("emailVerified")).isEqualTo(true);
		assertThat(eventTypes("sony-music", id)).contains("sign-in-email.verified");
	}

	@Test
	void changesTheSignInEmailOnlyOnceTheNewAddressIsConfirmed() {
		String email = uniqueEmail();
		String id = registerThrough("my-sony", email, Map.of("givenName", "Ada"));
		String newEmail = uniqueEmail();

		asAccountHolder(id).documentName("account-pages/changeMySignInEmail")
			.variable("input", Map.of("expectedRevision", 1, "newEmail", newEmail))
			.execute()
			.path("changeSignInEmail.errors")
			.entityList(Object.class)
			.hasSize(0)
			.path("changeSignInEmail.account.signInEmail")
			.entity(String.class)
			.isEqualTo(email)
			.path("changeSignInEmail.account.pendingSignInEmail")
			.entity(String.class)
			.isEqualTo(newEmail);
		assertThat(TestMailbox.textOf(TestMailbox.mailsTo(email, 1, MAIL).get(0))).contains(newEmail);

		assertThat(confirmLink(TestMailbox.linkIn(TestMailbox.mailsTo(newEmail, 1, MAIL).get(0)),
				RegistrationInput.PASSWORD)
			.getStatus()
			.value()).isEqualTo(200);
		assertThat(meOf(id)).containsEntry("signInEmail", newEmail).containsEntry("pendingSignInEmail", null);
		assertThat(eventTypes("my-sony", id)).containsSubsequence("basic-details.changed", "sign-in-email.verified");
		assertThat(signIn(newEmail, RegistrationInput.PASSWORD)).isEqualTo("/");
		assertThat(signIn(email, RegistrationInput.PASSWORD)).isEqualTo("/login?error");
	}

	@Test
	void tellsATakenNewAddressOnlyToItsMailbox() {
		String taken = uniqueEmail();
		registerThrough("my-sony", taken, Map.of());
		String id = registerThrough("my-sony");

		askForSignInEmail(id, taken);

		EntityExchangeResult<String> confirmed = confirmLink(
				TestMailbox.linkIn(TestMailbox.mailsTo(taken, 1, MAIL).get(0)), RegistrationInput.PASSWORD);
		assertThat(confirmed.getStatus().value()).isEqualTo(409);
		assertThat(meOf(id).get("signInEmail")).isNotEqualTo(taken);
	}

	@Test
	void resetsAForgottenPasswordOnceAndEndsWhatTheOldOneObtained() {
		String email = uniqueEmail();
		String id = registerThrough("my-sony", email, Map.of());
		String refreshToken = refreshTokenOf(email);

		SignInFlow.Browser browser = new SignInFlow.Browser();
		assertThat(
				browser.fillIn(http(), "/sign-in/forgot-password", "/sign-in/forgot-password", Map.of("email", email))
					.getResponseBody())
			.contains("If a One Sign In uses that address");
		URI link = TestMailbox.linkIn(TestMailbox.mailsTo(email, 1, MAIL).get(0));
		String newPassword = "a brand new passphrase";
		EntityExchangeResult<String> reset = submitLink(link, "/sign-in/reset-password", newPassword);

		assertThat(reset.getStatus().value()).isEqualTo(200);
		SignInFlow.refresh(http(), "account-pages", null, refreshToken).expectStatus().isBadRequest();
		assertThat(signIn(email, RegistrationInput.PASSWORD)).isEqualTo("/login?error");
		assertThat(signIn(email, newPassword)).isEqualTo("/");
		assertThat(statusOfLink(link)).isEqualTo(410);
		assertThat(eventTypes("my-sony", id)).contains("password.changed");
		assertThat(TestMailbox.mailsTo(email, 2, MAIL)).hasSize(2);
	}

	@Test
	void voidsAResetLinkMailedToTheOldAddressOnceTheSignInEmailMoved() {
		String email = uniqueEmail();
		String id = registerThrough("my-sony", email, Map.of());
		requestReset(email);
		URI resetLink = TestMailbox.linkIn(TestMailbox.mailsTo(email, 1, MAIL).get(0));
		String newEmail = uniqueEmail();
		askForSignInEmail(id, newEmail);
		assertThat(confirmFromMail(newEmail, RegistrationInput.PASSWORD).getStatus().value()).isEqualTo(200);

		assertThat(statusOfLink(resetLink)).isEqualTo(410);
		assertThat(signIn(newEmail, RegistrationInput.PASSWORD)).isEqualTo("/");
	}

	@Test
	void answersAResetRequestTheSameForAnUnknownAddressAndMailsNothing() {
		String known = uniqueEmail();
		registerThrough("my-sony", known, Map.of());
		String unknown = uniqueEmail();

		String forKnown = requestReset(known);
		String forUnknown = requestReset(unknown);

		assertThat(forUnknown).isEqualTo(forKnown);
		assertThat(TestMailbox.mailsTo(known, 1, MAIL)).hasSize(1);
		assertThat(TestMailbox.mailsTo(unknown, 0, Duration.ZERO)).isEmpty();
	}

	@Test
	void changesThePasswordOnlyWithTheCurrentOneAndRecordsItWithoutAValue() {
		String email = uniqueEmail();
		String id = registerThrough("my-sony", email, Map.of());

		assertThat(changePassword(id, "not the password", "another fine passphrase")).isEqualTo("WRONG_PASSWORD");
		assertThat(changePassword(id, RegistrationInput.PASSWORD, "password")).isEqualTo("WEAK_PASSWORD");
		assertThat(changePassword(id, RegistrationInput.PASSWORD, "another fine passphrase")).isNull();

		assertThat(signIn(email, "another fine passphrase")).isEqualTo("/");
		List<Map<String, Object>> history = asAccountHolder(id).documentName("account-pages/myChangeHistory")
			.variable("first", 50)
			.execute()
			.path("me.changeHistory.edges[*].node")
			.entityList(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {
			})
			.get();
		assertThat(history).filteredOn((entry) -> "PASSWORD".equals(entry.get("field")))
			.singleElement()
			.satisfies((entry) -> assertThat(entry.get("before")).isNull());
		assertThat(TestMailbox.mailsTo(email, 1, MAIL)).isNotEmpty();
	}

	@Test
	void countsWrongCurrentPasswordsAgainstTheSignInLockoutAndTheOtherWayRound() {
		String email = uniqueEmail();
		String id = registerThrough("my-sony", email, Map.of());
		String other = uniqueEmail();
		String otherId = registerThrough("my-sony", other, Map.of());

		for (int attempt = 0; attempt < 5; attempt++) {
			changePassword(id, "not the password", "another fine passphrase");
			signIn(other, "not the password");
		}

		assertThat(changePassword(id, RegistrationInput.PASSWORD, "another fine passphrase"))
			.isEqualTo("WRONG_PASSWORD");
		assertThat(signIn(email, RegistrationInput.PASSWORD)).isEqualTo("/login?error");
		assertThat(changePassword(otherId, RegistrationInput.PASSWORD, "another fine passphrase"))
			.isEqualTo("WRONG_PASSWORD");
	}

	@Test
	void endsWhatTheOldPasswordObtainedWhenTheOwnerChangesIt() {
		String email = uniqueEmail();
		String id = registerThrough("my-sony", email, Map.of());
		String refreshToken = refreshTokenOf(email);

		assertThat(changePassword(id, RegistrationInput.PASSWORD, "another fine passphrase")).isNull();

		SignInFlow.refresh(http(), "account-pages", null, refreshToken).expectStatus().isBadRequest();
		assertThat(eventTypes("my-sony", id)).contains("password.changed");
	}

	@Test
	void showsAnAddressAwaitingConfirmationToTheOwnerAndSupportButNotToAService() {
		String id = registerThrough("my-sony");
		String newEmail = uniqueEmail();
		askForSignInEmail(id, newEmail);

		assertThat(meOf(id).get("pendingSignInEmail")).isEqualTo(newEmail);
		asPartnerService("my-sony").document("query($id: ID!) { account(id: $id) { pendingSignInEmail } }")
			.variable("id", id)
			.execute()
			.path("account.pendingSignInEmail")
			.valueIsNull();
		asSupportAgent("sony-europe")
			.document("query($id: ID!) { account(id: $id, ticket: \"T-1\") { pendingSignInEmail } }")
			.variable("id", id)
			.execute()
			.path("account.pendingSignInEmail")
			.entity(String.class)
			.isEqualTo(newEmail);
	}

	@Test
	void boundsTheRegistrationsOneAddressCanAwaitConfirmationFor() {
		String email = uniqueEmail();
		for (int registration = 0; registration < 5; registration++) {
			register("sony-rewards", email, OWNERS);
		}

		asPartnerService("sony-rewards").documentName("partner/registerAccount")
			.variable("input",
					aRegistration().withEmail(email)
						.forServiceAccount("rewards-" + UUID.randomUUID())
						.unverified()
						.toInput())
			.execute()
			.path("registerAccount.errors[0].field")
			.entityList(String.class)
			.containsExactly("input", "email");
	}

	@Test
	void givesASupersededIdentitysServiceAccountBackToBeLinkedToTheOwner() {
		String email = uniqueEmail();
		String psnAccount = "psn-" + UUID.randomUUID();
		register("playstation-network",
				aRegistration().withEmail(email).withPassword(OWNERS).forServiceAccount(psnAccount).unverified());
		String owner = register("sony-music", email, OWNERS);
		MimeMessage musicMail = TestMailbox.mailsTo(email, 2, MAIL)
			.stream()
			.filter((mail) -> TestMailbox.textOf(mail).contains("Sony Music"))
			.findFirst()
			.orElseThrow();
		assertThat(confirmLink(TestMailbox.linkIn(musicMail), OWNERS).getStatus().value()).isEqualTo(200);

		asAccountHolderThrough(owner, "playstation-network").documentName("account-pages/linkServiceAccount")
			.variable("input", Map.of("serviceId", "playstation-network", "serviceAccountId", psnAccount))
			.execute()
			.path("linkServiceAccount.errors")
			.entityList(Object.class)
			.hasSize(0);
	}

	private String register(String clientId, String email, String password) {
		return register(clientId,
				aRegistration().withEmail(email)
					.withPassword(password)
					.forServiceAccount(clientId + "-" + UUID.randomUUID())
					.unverified());
	}

	/**
	 * The owner asks for a new sign-in email, based on revision 1, and is not refused.
	 */
	private void askForSignInEmail(String accountId, String newEmail) {
		asAccountHolder(accountId).documentName("account-pages/changeMySignInEmail")
			.variable("input", Map.of("expectedRevision", 1, "newEmail", newEmail))
			.execute()
			.path("changeSignInEmail.errors")
			.entityList(Object.class)
			.hasSize(0);
	}

	/** A refresh token of the account pages, from a sign-in with the test password. */
	private String refreshTokenOf(String email) {
		return (String) SignInFlow.through("account-pages")
			.scopes("openid")
			.signIn(email, RegistrationInput.PASSWORD)
			.obtainFrom(http())
			.get("refresh_token");
	}

	private String signIn(String email, String password) {
		SignInFlow.Browser browser = new SignInFlow.Browser();
		EntityExchangeResult<String> result = browser.fillIn(http(), "/login", "/login",
				Map.of("username", email, "password", password));
		return result.getResponseHeaders().getLocation().getPath()
				+ ((result.getResponseHeaders().getLocation().getQuery() != null)
						? "?" + result.getResponseHeaders().getLocation().getQuery() : "");
	}

	private Map<String, Object> meOf(String accountId) {
		return asAccountHolder(accountId).documentName("account-pages/me")
			.execute()
			.path("me")
			.entity(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {
			})
			.get();
	}

	private String requestReset(String email) {
		return anonymous().documentName("account-pages/requestPasswordReset")
			.variable("input", Map.of("email", email))
			.execute()
			.path("requestPasswordReset")
			.entity(Object.class)
			.get()
			.toString();
	}

	private String changePassword(String accountId, String current, String newPassword) {
		List<String> codes = asAccountHolder(accountId).documentName("account-pages/changeMyPassword")
			.variable("input", Map.of("currentPassword", current, "newPassword", newPassword))
			.execute()
			.path("changePassword.errors[*].code")
			.entityList(String.class)
			.get();
		return codes.isEmpty() ? null : codes.get(0);
	}

}
