package org.onesignin.hub.limits;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes, at build time, the manifest of the trusted documents: every {@code .graphql}
 * file under {@code graphql/operations/}, each named by the SHA-256 of its exact text, in
 * Apollo's persisted-query manifest format. The build fails on a file that is not exactly
 * one operation, or on two files with the same operation name.
 *
 * <p>
 * Run by the build ({@code process-classes}):
 * {@code TrustedDocumentManifest <operations directory> <manifest file>}.
 */
public final class TrustedDocumentManifest {

	/** The manifest's format, as Apollo's tools name it. */
	static final String FORMAT = "apollo-persisted-query-manifest";

	private TrustedDocumentManifest() {
	}

	public static void main(String[] args) throws IOException {
		if (args.length != 2) {
			throw new IllegalArgumentException("usage: TrustedDocumentManifest <operations directory> <manifest file>");
		}
		Path output = Path.of(args[1]);
		Files.createDirectories(output.toAbsolutePath().getParent());
		Map<String, Object> manifest = of(Path.of(args[0]));
		JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValue(output.toFile(), manifest);
	}

	/** The manifest of the documents under the directory, in file-name order. */
	static Map<String, Object> of(Path operations) throws IOException {
		List<Map<String, String>> entries = new ArrayList<>();
		List<String> names = new ArrayList<>();
		try (Stream<Path> files = Files.walk(operations)) {
			for (Path file : files.filter((path) -> path.toString().endsWith(".graphql")).sorted().toList()) {
				String body = Files.readString(file, StandardCharsets.UTF_8);
				OperationDefinition operation = onlyOperation(file, body);
				if (names.contains(operation.getName())) {
					throw new IllegalStateException("Two trusted documents name the operation " + operation.getName());
				}
				names.add(operation.getName());
				Map<String, String> entry = new LinkedHashMap<>();
				entry.put("id", TrustedDocuments.idOf(body));
				entry.put("name", operation.getName());
				entry.put("type", operation.getOperation().name().toLowerCase(java.util.Locale.ROOT));
				entry.put("body", body);
				entries.add(entry);
			}
		}
		catch (UncheckedIOException ex) {
			throw ex.getCause();
		}
		Map<String, Object> manifest = new LinkedHashMap<>();
		manifest.put("format", FORMAT);
		manifest.put("version", 1);
		manifest.put("operations", entries);
		return manifest;
	}

	private static OperationDefinition onlyOperation(Path file, String body) {
		Document document = Parser.parse(body);
		List<OperationDefinition> operations = document.getDefinitionsOfType(OperationDefinition.class);
		if (operations.size() != 1 || operations.get(0).getName() == null) {
			throw new IllegalStateException(file + " must hold exactly one named operation");
		}
		return operations.get(0);
	}

}
