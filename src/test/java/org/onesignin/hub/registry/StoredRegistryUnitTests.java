package org.onesignin.hub.registry;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.onesignin.hub.shared.BasicDetailField;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Seeding the stored registry from the file on a start: the file wins where no
 * administrator changed an entry, the administrator where one did.
 */
class StoredRegistryUnitTests {

	private static final Company SONY_MUSIC = new Company("sony-music", "Sony Music Entertainment", "US", 13,
			new PrivacyContact("privacy@sony-music.example", null, null));

	@Test
	void takesTheFilesVersionOfAnEntryNoAdministratorChanged() {
		StoredRegistry stored = new StoredRegistry(3, registry(service("sony-music", BasicDetailField.EMAIL)),
				Set.of());

		Registry seeded = stored
			.seededWith(registry(service("sony-music", BasicDetailField.EMAIL, BasicDetailField.COUNTRY)));

		assertThat(seeded.service("sony-music").orElseThrow().syncedFields())
			.containsExactlyInAnyOrder(BasicDetailField.EMAIL, BasicDetailField.COUNTRY);
	}

	@Test
	void keepsTheAdministratorsVersionOfAnEntryTheyChanged() {
		StoredRegistry stored = new StoredRegistry(3, registry(service("sony-music", BasicDetailField.EMAIL)),
				Set.of(StoredRegistry.service("sony-music")));

		Registry seeded = stored
			.seededWith(registry(service("sony-music", BasicDetailField.EMAIL, BasicDetailField.COUNTRY)));

		assertThat(seeded.service("sony-music").orElseThrow().syncedFields()).containsExactly(BasicDetailField.EMAIL);
	}

	@Test
	void keepsAServiceTheFileNoLongerNamesAndForgetsItsUnadministeredClientsDeclaration() {
		Registry withClub = registry(service("sony-music", BasicDetailField.EMAIL), service("club"));
		StoredRegistry stored = new StoredRegistry(3, withClub, Set.of());

		Registry seeded = stored.seededWith(registry(service("sony-music", BasicDetailField.EMAIL)));

		assertThat(seeded.service("club")).isPresent();
		// the service still names it: back as an undeclared confidential client
		assertThat(seeded.client("club").orElseThrow().redirectUris()).isEmpty();
	}

	@Test
	void keepsAClientAnAdministratorAdded() {
		Registry withClub = registry(service("sony-music", BasicDetailField.EMAIL), service("club"));
		StoredRegistry stored = new StoredRegistry(3, withClub,
				Set.of(StoredRegistry.service("club"), StoredRegistry.client("club")));

		Registry seeded = stored.seededWith(registry(service("sony-music", BasicDetailField.EMAIL)));

		assertThat(seeded.client("club").orElseThrow().redirectUris()).containsExactly("https://club.example/cb");
	}

	@Test
	void keepsAClientAnAdministratorRemovedRemovedThoughTheFileStillNamesIt() {
		Registry withoutClub = registry(service("sony-music", BasicDetailField.EMAIL));
		StoredRegistry stored = new StoredRegistry(3, withoutClub, Set.of(StoredRegistry.client("club")));
		Registry file = new Registry(List.of(SONY_MUSIC), List.of(service("sony-music", BasicDetailField.EMAIL)),
				List.of(clientOf(service("sony-music")), clientOf(service("club"))));

		Registry seeded = stored.seededWith(file);

		assertThat(seeded.client("club")).isEmpty();
		assertThat(stored.heldAgainst(file)).containsExactly(StoredRegistry.client("club"));
	}

	@Test
	void refusesAServiceTakingAnotherServicesClient() {
		Registry registry = registry(service("sony-music", BasicDetailField.EMAIL));
		Service taker = new Service("club", "Club", "sony-music", List.of("sony-music"), Set.of(), null, false);

		assertThatIllegalArgumentException().isThrownBy(() -> registry.withService(taker,
				List.of(new SignInClient("sony-music", SignInClient.Type.CONFIDENTIAL, List.of(), List.of()))));
		assertThat(registry.service("club")).isEmpty();
	}

	private static Registry registry(Service... services) {
		return new Registry(List.of(SONY_MUSIC), List.of(services),
				List.of(services).stream().map(StoredRegistryUnitTests::clientOf).toList());
	}

	private static SignInClient clientOf(Service service) {
		return new SignInClient(service.id(), SignInClient.Type.CONFIDENTIAL,
				List.of("https://" + service.id() + ".example/cb"), List.of());
	}

	private static Service service(String id, BasicDetailField... fields) {
		return new Service(id, id, "sony-music", List.of(id), Set.of(fields), null, false);
	}

}
