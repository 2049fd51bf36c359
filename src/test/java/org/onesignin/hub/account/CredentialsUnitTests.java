package org.onesignin.hub.account;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.onesignin.hub.registry.Company;
import org.onesignin.hub.registry.Registry;
import org.onesignin.hub.registry.Service;
import org.onesignin.hub.shared.BasicDetailField;
import org.onesignin.hub.shared.CallerKind;
import org.onesignin.hub.shared.ChangeOrigin;
import org.onesignin.hub.shared.UserErrorCode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The aggregate's credential rules, without Spring or a store: verification, the address
 * change, password changes and resets, and superseding an unverified identity.
 */
class CredentialsUnitTests {

	static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");

	static final Service MUSIC = new Service("music", "Music", "label", List.of("music"),
			Set.of(BasicDetailField.EMAIL, BasicDetailField.GIVEN_NAME), null, false);

	static final Service SHOP = new Service("shop", "Shop", "retail", List.of("shop"), Set.of(BasicDetailField.PHONE),
			null, false);

	static final Registry REGISTRY = new Registry(
			List.of(new Company("label", "Label", "US", 13, null), new Company("retail", "Retail", "US", 13, null)),
			List.of(MUSIC, SHOP));

	static final ChangeOrigin OWNER = new ChangeOrigin(CallerKind.USER, "a-1", null, null, null);

	@Test
	void refusesToLinkASecondServiceUntilTheAddressIsVerified() {
		Account account = awaiting("ada@example.com");

		assertThat(account.link(SHOP, "s-1", OWNER, NOW).rejections()).extracting((r) -> r.code())
			.containsExactly(UserErrorCode.EMAIL_NOT_VERIFIED);
	}

	@Test
	void verifiesTheRegisteredAddressWithItsTokenAndTellsTheLinkedServices() {
		Account account = awaiting("ada@example.com");

		AccountChange change = CredentialChanges.confirmEmail(account, "hash-1", OWNER, REGISTRY, NOW.plusSeconds(60))
			.valueOrNull();

		assertThat(change.newCredentials().emailVerified()).isTrue();
		assertThat(change.newCredentials().emailConfirmation()).isNull();
		assertThat(change.newRevision()).isNull();
		assertThat(change.events()).singleElement().satisfies((event) -> {
			assertThat(event.type()).isEqualTo(ServiceChange.SIGN_IN_EMAIL_VERIFIED);
			assertThat(event.data()).containsEntry("emailVerified", true).containsEntry("email", "ada@example.com");
		});
	}

	@Test
	void refusesAnExpiredOrWrongToken() {
		Account account = awaiting("ada@example.com");

		assertThat(CredentialChanges.confirmEmail(account, "hash-2", OWNER, REGISTRY, NOW).rejections())
			.extracting((r) -> r.code())
			.containsExactly(UserErrorCode.INVALID_TOKEN);
		assertThat(CredentialChanges.confirmEmail(account, "hash-1", OWNER, REGISTRY, NOW.plus(Duration.ofHours(25)))
			.rejections()).extracting((r) -> r.code()).containsExactly(UserErrorCode.INVALID_TOKEN);
	}

	@Test
	void changesTheSignInEmailOnlyWhenTheNewAddressIsConfirmed() {
		Account verified = registered(Credentials.VERIFIED, "ada@example.com");

		AccountChange requested = CredentialChanges
			.requestEmailConfirmation(verified, 1, "ada@new.example", "hash-9", NOW.plus(Duration.ofHours(24)), NOW)
			.valueOrNull();
		assertThat(requested.newDetails()).isNull();
		assertThat(requested.signInEmail()).isEqualTo("ada@example.com");

		Account pending = new Account(verified.id(), verified.passwordHash(), requested.newCredentials(),
				verified.status(), verified.revision(), verified.version(), verified.details(), verified.links(),
				verified.emittedRevisions(), verified.acknowledgedRevisions(), NOW, NOW, null);
		AccountChange confirmed = CredentialChanges.confirmEmail(pending, "hash-9", OWNER, REGISTRY, NOW).valueOrNull();
		assertThat(confirmed.newDetails().email()).isEqualTo("ada@new.example");
		assertThat(confirmed.signInEmail()).isEqualTo("ada@new.example");
		assertThat(confirmed.newRevision()).isEqualTo(2);
		assertThat(confirmed.events()).extracting(ServiceChange::type)
			.containsExactly(ServiceChange.DETAILS_CHANGED, ServiceChange.SIGN_IN_EMAIL_VERIFIED);
	}

	@Test
	void recordsAPasswordChangeWithoutAnyValueAndTellsTheLinkedServices() {
		Account account = registered(Credentials.VERIFIED, "ada@example.com");

		AccountChange change = CredentialChanges
			.changePassword(account, "new-hash", CredentialChanges.How.CHANGED, OWNER, NOW)
			.valueOrNull();

		assertThat(change.newPassword().hash()).isEqualTo("new-hash");
		assertThat(change.history()).singleElement().satisfies((entry) -> {
			assertThat(entry.field()).isEqualTo(ChangedField.PASSWORD);
			assertThat(entry.before()).isNull();
			assertThat(entry.after()).isNull();
		});
		assertThat(change.events()).singleElement().satisfies((event) -> {
			assertThat(event.type()).isEqualTo(ServiceChange.PASSWORD_CHANGED);
			assertThat(event.data()).containsOnlyKeys("how");
		});
	}

	@Test
	void supersedesAnUnverifiedIdentityCancellingItsServiceAccounts() {
		Account account = awaiting("ada@example.com");

		AccountChange change = CredentialChanges.supersede(account, OWNER, NOW).valueOrNull();

		assertThat(change.newStatus()).isEqualTo(AccountStatus.CLOSED);
		assertThat(change.newPassword().hash()).isNull();
		assertThat(change.links()).allSatisfy((link) -> assertThat(link.status()).isEqualTo(LinkStatus.CANCELLED));
		assertThat(change.events()).singleElement().satisfies((event) -> {
			assertThat(event.type()).isEqualTo(ServiceChange.CANCELLED);
			assertThat(event.data()).containsEntry("reason", CredentialChanges.EMAIL_CLAIMED_BY_OWNER);
		});
	}

	@Test
	void neverSupersedesAVerifiedIdentity() {
		assertThat(CredentialChanges.supersede(registered(Credentials.VERIFIED, "ada@example.com"), OWNER, NOW)
			.valueOrNull()
			.isEmpty()).isTrue();
	}

	private static Account awaiting(String email) {
		return registered(Credentials
			.awaiting(new Credentials.Confirmation(email, "hash-1", NOW.plus(Duration.ofHours(24)), NOW)), email);
	}

	private static Account registered(Credentials credentials, String email) {
		BasicDetails details = BasicDetails.EMPTY.with(BasicDetailField.EMAIL, email);
		return Account.register(new AccountId("a-1"), "hash", credentials, details, MUSIC, "m-1", OWNER, NOW).account();
	}

}
