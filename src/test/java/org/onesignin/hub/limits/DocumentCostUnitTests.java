package org.onesignin.hub.limits;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import graphql.parser.Parser;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Measuring documents without running them: the clients' own documents fit the default
 * limits with room to spare, and fragment bombs and alias floods measure as what they
 * are.
 */
class DocumentCostUnitTests {

	static final GraphQlLimitsProperties DEFAULTS = new GraphQlLimitsProperties(null, null, null, null);

	@Test
	void fitsEveryClientOperationWithinTheDefaultLimitsAtFullPages() throws IOException {
		Map<String, DocumentCost> costs = operations().collect(Collectors.toMap(Path::toString,
				(file) -> DocumentCost.of(Parser.parse(read(file)), null, Map.of("first", 100))));

		assertThat(costs).allSatisfy((name, cost) -> {
			assertThat(cost.depth()).as(name).isLessThanOrEqualTo(DEFAULTS.maxDepth() / 2);
			assertThat(cost.complexity()).as(name).isLessThanOrEqualTo(DEFAULTS.maxComplexity() / 2);
			assertThat(cost.aliases()).as(name).isLessThanOrEqualTo(DEFAULTS.maxAliases() / 2);
			assertThat(cost.rootFields()).as(name).isLessThanOrEqualTo(DEFAULTS.maxRootFields() / 2);
		});
	}

	@Test
	void measuresAFragmentBombAsExponentialInLinearTime() {
		String bomb = fragmentBomb(40);

		DocumentCost cost = DocumentCost.of(Parser.parse(bomb), null, Map.of());

		assertThat(cost.complexity()).isGreaterThan(1L << 40);
		assertThat(cost.depth()).isEqualTo(2);
	}

	@Test
	void countsAliasesInsideFragmentsEachTimeTheyAreSpread() {
		String document = "query { ...A ...B } fragment A on Query { a: companies { id } b: companies { id } }"
				+ " fragment B on Query { ...A ...A }";

		DocumentCost cost = DocumentCost.of(Parser.parse(document), null, Map.of());

		assertThat(cost.aliases()).isEqualTo(6);
		assertThat(cost.rootFields()).isEqualTo(6);
	}

	@Test
	void weighsFieldsByThePageSizeAboveThem() {
		String document = "query($n: Int!) { serviceChanges(serviceId: \"s\", first: $n) { edges { node { id } } } }";

		DocumentCost small = DocumentCost.of(Parser.parse(document), null, Map.of("n", 1));
		DocumentCost full = DocumentCost.of(Parser.parse(document), null, Map.of("n", 100));

		assertThat(full.complexity()).isGreaterThan(small.complexity() * 50);
		assertThat(full.depth()).isEqualTo(4);
	}

	@Test
	void measuresAFragmentCycleAsUnbounded() {
		String document = "query { ...A } fragment A on Query { companies { ...B } } fragment B on Company { services { controller { ...B } } }";

		DocumentCost cost = DocumentCost.of(Parser.parse(document), null, Map.of());

		assertThat(cost.complexity()).isGreaterThan(DEFAULTS.maxComplexity());
	}

	/**
	 * Each fragment spreads the next twice (once through an inline fragment): shallow,
	 * but 2^levels fields once spread out.
	 */
	static String fragmentBomb(int levels) {
		StringBuilder document = new StringBuilder("query { privacyContacts { ...F0 } }");
		for (int level = 0; level < levels; level++) {
			document.append(" fragment F")
				.append(level)
				.append(" on Company { ...F")
				.append(level + 1)
				.append(" ... on Company { ...F")
				.append(level + 1)
				.append(" } }");
		}
		document.append(" fragment F").append(levels).append(" on Company { id name }");
		return document.toString();
	}

	private static Stream<Path> operations() throws IOException {
		List<Path> files;
		try (Stream<Path> walk = Files.walk(Path.of("graphql/operations"))) {
			files = walk.filter((file) -> file.toString().endsWith(".graphql")).toList();
		}
		return files.stream();
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
