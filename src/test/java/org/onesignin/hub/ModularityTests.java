package org.onesignin.hub;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

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
		for (String module : new String[] { "account", "preferences", "registry", "audit", "partnersync", "dataexport",
				"localissuer", "caller", "embeddedstore" }) {
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
					"org.onesignin.hub.registry", "org.onesignin.hub.audit", "org.onesignin.hub.partnersync")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("..graphql..", "..persistence..", "org.springframework.data.mongodb..",
					"org.springframework.graphql..")
			.because("rules live in the domain and frameworks at the edges")
			.check(HUB);
	}

	@Test
	void keepsModulesFreeOfCycles() {
		slices().matching("org.onesignin.hub.(*)..").should().beFreeOfCycles().check(HUB);
	}

}
