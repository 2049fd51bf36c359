package org.onesignin.hub;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import graphql.language.Document;
import graphql.parser.Parser;
import graphql.validation.ValidationError;
import graphql.validation.Validator;
import org.junit.jupiter.api.Test;
import org.onesignin.hub.support.HubIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.graphql.execution.SchemaReport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract: every document the callers send is valid against the schema, and every
 * schema field is backed by code (the schema inspection report is empty).
 */
class GraphQlContractIntegrationTests extends HubIntegrationTest {

	static final List<SchemaReport> reports = new ArrayList<>();

	@Autowired
	GraphQlSource graphQlSource;

	@Test
	void validatesEveryOperationDocumentAgainstTheSchema() throws IOException {
		List<Path> documents;
		try (Stream<Path> files = Files.walk(Path.of("graphql/operations"))) {
			documents = files.filter((p) -> p.toString().endsWith(".graphql")).sorted().toList();
		}
		assertThat(documents).hasSizeGreaterThan(10);

		for (Path path : documents) {
			Document document = Parser.parse(Files.readString(path));
			List<ValidationError> errors = new Validator().validateDocument(this.graphQlSource.schema(), document,
					Locale.ENGLISH);
			assertThat(errors).as(path.toString()).isEmpty();
		}
	}

	@Test
	void mapsEverySchemaFieldToCode() {
		assertThat(reports).isNotEmpty();
		SchemaReport report = reports.get(reports.size() - 1);
		assertThat(report.unmappedFields()).as(report.toString()).isEmpty();
		assertThat(report.unmappedRegistrations()).as(report.toString()).isEmpty();
		assertThat(report.unmappedArguments()).as(report.toString()).isEmpty();
	}

	@TestConfiguration
	static class SchemaInspection {

		@Bean
		GraphQlSourceBuilderCustomizer collectSchemaReport() {
			return (builder) -> builder.inspectSchemaMappings(reports::add);
		}

	}

}
