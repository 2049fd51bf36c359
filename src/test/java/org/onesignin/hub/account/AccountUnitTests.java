package org.onesignin.hub.account;

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
import org.onesignin.hub.shared.Outcome;
import org.onesignin.hub.shared.UserErrorCode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The account aggregate's rules, without Spring or a store.
 */
class AccountUnitTests {

	static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

	static final Service MUSIC = new Service("music", "Music", "label", List.of("music"),
			Set.of(BasicDetailField.EMAIL, BasicDetailField.GIVEN_NAME), null, false);

	static final Service SHOP = new Service("shop", "Shop", "retail", List.of("shop"),
			Set.of(BasicDetailField.EMAIL, BasicDetailField.PHONE), null, false);

	static final Registry REGISTRY = new Registry(List.of(company("label"), company("retail")), List.of(MUSIC, SHOP));

	static final ChangeOrigin OWNER = new ChangeOrigin(CallerKind.USER, "a-1", "label", "music", null);

	@Test
	void sendsEachChangeOnlyToServicesEntitledToAChangedFieldWithOnlyTheirFields() {
		Account account = linkedToBoth();

		AccountChange change = account
			.changeDetails(1, account.details().with(BasicDetailField.GIVEN_NAME, "Augusta"), OWNER, REGISTRY, NOW)
			.valueOrNull();

		assertThat(change.newRevision()).isEqualTo(2);
		assertThat(change.events()).extracting(ServiceChange::serviceId).containsExactly("music");
		assertThat(change.events().get(0).data()).containsOnlyKeys("email", "givenName");
		assertThat(change.history()).extracting(ChangeHistoryEntry::field).containsExactly(ChangedField.GIVEN_NAME);
	}

	@Test
	void refusesAStaleRevisionWithTheCurrentOne() {
		Account account = linkedToBoth();

		Outcome<AccountChange> outcome = account.changeDetails(0, account.details(), OWNER, REGISTRY, NOW);

		assertThat(outcome.rejections()).singleElement().satisfies((r) -> {
			assertThat(r.code()).isEqualTo(UserErrorCode.STALE_REVISION);
			assertThat(r.details()).containsEntry("currentRevision", 1);
		});
	}

	@Test
	void changesNothingWithoutAnEffectiveDifference() {
		Account account = linkedToBoth();

		AccountChange change = account.changeDetails(1, account.details(), OWNER, REGISTRY, NOW).valueOrNull();

		assertThat(change.isEmpty()).isTrue();
	}

	@Test
	void cancelsOnlyForTheServicesController() {
		Account account = linkedToBoth();

		assertThat(account.cancel(SHOP, "label", OWNER, null, NOW).rejections()).extracting((r) -> r.code())
			.containsExactly(UserErrorCode.NOT_CONTROLLER);
		AccountChange cancelled = account.cancel(MUSIC, "label", OWNER, "moving", NOW).valueOrNull();
		assertThat(cancelled.links()).filteredOn((l) -> l.serviceId().equals("music"))
			.singleElement()
			.satisfies((l) -> {
				assertThat(l.status()).isEqualTo(LinkStatus.CANCELLED);
				assertThat(l.cancelledBy()).isEqualTo("label");
			});
		assertThat(cancelled.events()).extracting(ServiceChange::type).containsExactly(ServiceChange.CANCELLED);
	}

	@Test
	void refusesClosureWhileALinkIsActive() {
		assertThat(linkedToBoth().close(NOW).rejections()).extracting((r) -> r.code())
			.containsExactly(UserErrorCode.LINKED_ACCOUNTS_ACTIVE);
	}

	private static Account linkedToBoth() {
		BasicDetails details = BasicDetails.EMPTY.with(BasicDetailField.EMAIL, "ada@example.com")
			.with(BasicDetailField.GIVEN_NAME, "Ada");
		Account account = Account
			.register(new AccountId("a-1"), "hash", Credentials.VERIFIED, details, MUSIC, "m-1", OWNER, NOW)
			.account();
		return new Account(account.id(), account.passwordHash(), account.credentials(), account.status(), 1, 0, details,
				List.of(account.links().get(0), LinkedAccount.active("shop", "s-1", NOW)), account.emittedRevisions(),
				account.acknowledgedRevisions(), NOW, NOW, null);
	}

	private static Company company(String id) {
		return new Company(id, id, "US", 13, null);
	}

}
