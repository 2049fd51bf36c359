package org.onesignin.hub;

import java.util.List;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import org.junit.jupiter.api.Test;
import org.onesignin.hub.account.Account;
import org.onesignin.hub.account.AccountChange;
import org.onesignin.hub.account.AccountId;
import org.onesignin.hub.account.Accounts;
import org.onesignin.hub.account.ServiceChangeOutbox;
import org.onesignin.hub.preferences.ConsentLedgers;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * Module boundaries: each capability's {@code graphql}, {@code persistence} and
 * {@code web} subpackages are private to it (only {@code shared}'s are meant for all);
 * domains know no framework edges; modules form no cycles.
 */
class ModularityTests {

	private static final JavaClasses HUB = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("org.onesignin.hub");

	@Test
	void keepsEachModulesSubpackagesPrivate() {
		for (String module : new String[] { "access", "account", "preferences", "registry", "audit", "partnersync",
				"dataexport", "signin", "caller", "embeddedstore", "mail", "pages", "administration" }) {
			for (String edge : new String[] { "graphql", "persistence", "web" }) {
				noClasses().that()
					.resideOutsideOfPackage("org.onesignin.hub." + module + "..")
					.should()
					.dependOnClassesThat()
					.resideInAPackage("org.onesignin.hub." + module + "." + edge + "..")
					.allowEmptyShould(true)
					.because("the " + edge + " edge of " + module + " is private to it")
					.check(HUB);
			}
		}
	}

	@Test
	void keepsDomainsFreeOfTheirEdges() {
		noClasses().that()
			.resideInAnyPackage("org.onesignin.hub.account", "org.onesignin.hub.preferences",
					"org.onesignin.hub.registry", "org.onesignin.hub.audit", "org.onesignin.hub.partnersync",
					"org.onesignin.hub.administration")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("..graphql..", "..persistence..", "org.springframework.data.mongodb..",
					"org.springframework.graphql..")
			.because("rules live in the domain and frameworks at the edges")
			.check(HUB);
	}

	@Test
	void keepsSpringDataPagingOutOfModuleApis() {
		noClasses().that()
			.resideInAnyPackage("org.onesignin.hub.access", "org.onesignin.hub.account",
					"org.onesignin.hub.preferences", "org.onesignin.hub.registry", "org.onesignin.hub.audit",
					"org.onesignin.hub.partnersync", "org.onesignin.hub.dataexport", "org.onesignin.hub.shared")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("org.springframework.data.domain..")
			.because("ports and use cases speak the hub's own Page and PageRequest")
			.check(HUB);
	}

	@Test
	void letsOnlyTheAccessPolicyRefuseAccess() {
		noClasses().that()
			.doNotHaveFullyQualifiedName("org.onesignin.hub.access.AccessPolicy")
			.should()
			.callConstructor(org.springframework.security.access.AccessDeniedException.class, String.class)
			.because("who may do what is decided in one table")
			.check(HUB);
	}

	@Test
	void letsOnlyTheWritePathsWriteAccounts() {
		onlyCalledBy("org.onesignin.hub.account.AccountUpdates", "apply", AccountChange.class);
		onlyCalledBy("org.onesignin.hub.account.AccountUpdates", "insert", Account.class, List.class);
		onlyCalledBy("org.onesignin.hub.preferences.ConsentUpdates", "append", String.class, long.class, List.class,
				List.class);
		// the system's own writes, each in one place: acknowledgements, erasure, relaying
		onlyCalledBy("org.onesignin.hub.partnersync.Acknowledgements", "acknowledge", AccountId.class, String.class,
				int.class);
		onlyCalledBy("org.onesignin.hub.account.AccountRetention", "erase", AccountId.class, java.time.Instant.class);
		onlyCalledBy("org.onesignin.hub.partnersync.OutboxRelay", "removeFromOutbox", AccountId.class,
				java.util.Collection.class, java.util.Collection.class);
		onlyCalledBy("org.onesignin.hub.partnersync.OutboxRelay", ServiceChangeOutbox.class, "remove", String.class,
				java.util.Collection.class);
		onlyCalledBy("org.onesignin.hub.preferences.ConsentPseudonymisation", ConsentLedgers.class, "pseudonymise",
				String.class, java.util.function.UnaryOperator.class);
		// the registry: one write path, authorised, conditional on the revision it
		// decided on
		onlyCalledBy("org.onesignin.hub.administration.RegistryAdministration",
				org.onesignin.hub.registry.RegistryManagement.class, "change",
				org.onesignin.hub.shared.CallerKind.class, String.class, String.class, String.class,
				java.util.function.Function.class);
		onlyCalledBy("org.onesignin.hub.registry.RegistryManagement", org.onesignin.hub.registry.RegistryStore.class,
				"replace", long.class, org.onesignin.hub.registry.StoredRegistry.class, java.util.Optional.class);
	}

	private static void onlyCalledBy(String writer, String method, Class<?>... parameters) {
		onlyCalledBy(writer, method.equals("append") ? ConsentLedgers.class : Accounts.class, method, parameters);
	}

	private static void onlyCalledBy(String writer, Class<?> port, String method, Class<?>... parameters) {
		noClasses().that()
			.doNotHaveFullyQualifiedName(writer)
			.should()
			.callMethod(port, method, parameters)
			.because(port.getSimpleName() + "." + method + " is written only by " + writer)
			.check(HUB);
	}

	@Test
	void keepsModulesFreeOfCycles() {
		slices().matching("org.onesignin.hub.(*)..").should().beFreeOfCycles().check(HUB);
	}

}
