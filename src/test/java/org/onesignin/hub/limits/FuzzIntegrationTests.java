package org.onesignin.hub.limits;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import graphql.language.EnumTypeDefinition;
import graphql.language.EnumValueDefinition;
import graphql.language.InputObjectTypeDefinition;
import graphql.language.InputValueDefinition;
import graphql.language.ListType;
import graphql.language.NonNullType;
import graphql.language.OperationDefinition;
import graphql.language.Type;
import graphql.language.TypeName;
import graphql.language.VariableDefinition;
import graphql.parser.Parser;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import org.junit.jupiter.api.Test;
import org.onesignin.hub.support.HubIntegrationTest;
import org.onesignin.hub.support.ServiceAccount;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A bounded fuzz of the API: every client document, sent by every caller kind, with
 * variables generated from the schema's own input types (valid, absent, null, wrong,
 * huge, hostile), and mangled documents besides. No answer may be a server error or show
 * a stack trace, an exception or a Java class name. Seeded, so a failure can be replayed.
 */
class FuzzIntegrationTests extends HubIntegrationTest {

	private static final int CASES = 1500;

	private static final long SEED = 20261203L;

	/**
	 * What no answer may contain: traces, exceptions and the hub's or its libraries'
	 * packages.
	 */
	private static final Pattern LEAK = Pattern.compile(
			"Exception|\\tat |[A-Z][a-z]+Value\\{|java\\.(lang|util|io)\\.|org\\.(springframework|onesignin|bson|h2)|graphql\\.(execution|language)|com\\.(mongodb|nimbusds)");

	private static final List<String> HOSTILE = List.of("", " ", "null", "\u0000", "{\"$gt\": \"\"}", "' OR 1=1 --",
			"<script>alert(1)</script>", "../../etc/passwd", "\uD83D\uDE00".repeat(50), "a@b.c", "x".repeat(5000),
			"9".repeat(40), "sha256:" + "0".repeat(64), "sony-music", "my-sony");

	@Test
	void answersEveryGeneratedRequestWithoutAServerErrorOrALeak() throws IOException {
		Random random = new Random(SEED);
		TypeDefinitionRegistry schema = schema();
		List<Path> documents = documents();
		Person person = aLinkedPerson();
		List<String> tokens = new ArrayList<>(List.of(this.jwts.user(person.id, "account-pages"),
				this.jwts.user(person.id, "sony-music"), this.jwts.partner("sony-music"),
				this.jwts.partner("playstation-network"), this.jwts.supportAgent("agent-si", "sony-interactive"),
				this.jwts.supportAgent("agent-se", "sony-europe")));
		tokens.add(null);
		Generator generator = new Generator(random, schema, person);
		List<String> failures = new ArrayList<>();
		int serverErrors = 0;
		int answered = 0;

		for (int i = 0; i < CASES; i++) {
			String document = Files.readString(documents.get(random.nextInt(documents.size())));
			boolean mangled = random.nextInt(5) == 0;
			if (mangled) {
				document = generator.mangle(document);
			}
			Map<String, Object> variables = generator.variablesFor(document);
			String token = tokens.get(random.nextInt(tokens.size()));
			// a quarter of the time a published document is sent by its id, as
			// clients may
			boolean byId = !mangled && random.nextInt(4) == 0;
			EntityExchangeResult<String> answer = post(token, document, variables, byId);
			int status = answer.getStatus().value();
			String body = (answer.getResponseBody() != null) ? answer.getResponseBody() : "";
			if (body.startsWith("{\"data\":{") && !body.contains("\"errors\"")) {
				answered++;
			}
			if (status >= 500) {
				serverErrors++;
				failures.add("case " + i + ": HTTP " + status + " " + abbreviate(body));
			}
			else if (LEAK.matcher(body).find()) {
				failures.add("case " + i + ": leak " + abbreviate(body));
			}
		}

		assertThat(serverErrors).as("server errors").isZero();
		// a fuzz that only ever met refusals would prove little
		assertThat(answered).as("answers with data and no error").isGreaterThan(CASES / 20);
		assertThat(failures).as("answers that failed").isEmpty();
	}

	private EntityExchangeResult<String> post(String token, String document, Map<String, Object> variables,
			boolean byId) {
		Map<String, Object> body = new HashMap<>();
		if (byId) {
			body.put("documentId", "sha256:" + TrustedDocuments.idOf(document));
		}
		else {
			body.put("query", document);
		}
		body.put("variables", variables);
		return http().post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).headers((headers) -> {
			if (token != null) {
				headers.setBearerAuth(token);
			}
		}).bodyValue(body).exchange().expectBody(String.class).returnResult();
	}

	private Person aLinkedPerson() {
		String email = uniqueEmail();
		String id = registerThrough("playstation-network", email, Map.of("givenName", "Ada", "country", "GB"));
		link(id, ServiceAccount.aServiceAccount().at("sony-music").withId("fuzz-" + id));
		return new Person(id, email);
	}

	private static TypeDefinitionRegistry schema() throws IOException {
		TypeDefinitionRegistry registry = new TypeDefinitionRegistry();
		try (Stream<Path> files = Files.list(Path.of("graphql"))) {
			for (Path file : files.filter((f) -> f.toString().endsWith(".graphqls")).sorted().toList()) {
				registry.merge(new SchemaParser().parse(Files.readString(file)));
			}
		}
		return registry;
	}

	private static List<Path> documents() throws IOException {
		try (Stream<Path> files = Files.walk(Path.of("graphql/operations"))) {
			return files.filter((f) -> f.toString().endsWith(".graphql")).sorted().toList();
		}
	}

	private static String abbreviate(String body) {
		return (body.length() > 300) ? body.substring(0, 300) + "…" : body;
	}

	private record Person(String id, String email) {
	}

	/** Values for a document's variables, from the schema's input types. */
	private static final class Generator {

		private final Random random;

		private final TypeDefinitionRegistry schema;

		private final Person person;

		Generator(Random random, TypeDefinitionRegistry schema, Person person) {
			this.random = random;
			this.schema = schema;
			this.person = person;
		}

		Map<String, Object> variablesFor(String document) {
			Map<String, Object> variables = new HashMap<>();
			try {
				for (OperationDefinition operation : Parser.parse(document)
					.getDefinitionsOfType(OperationDefinition.class)) {
					for (VariableDefinition variable : operation.getVariableDefinitions()) {
						if (this.random.nextInt(10) > 0) {
							variables.put(variable.getName(), value(variable.getName(), variable.getType(), 0));
						}
					}
				}
			}
			catch (RuntimeException ex) {
				// a mangled document: no variables, the hub reports the syntax
			}
			return variables;
		}

		String mangle(String document) {
			StringBuilder mangled = new StringBuilder(document);
			for (int edits = 1 + this.random.nextInt(4); edits > 0; edits--) {
				int at = this.random.nextInt(mangled.length() + 1);
				switch (this.random.nextInt(5)) {
					case 0 -> mangled.insert(at, "{");
					case 1 -> mangled.insert(at, " a" + this.random.nextInt(100) + ": __typename ");
					case 2 -> mangled.insert(at, " ...F ");
					case 3 -> mangled.insert(at,
							" serviceChanges(serviceId: \"x\", first: 99999999999) { edges { cursor } } ");
					default -> {
						if (at < mangled.length()) {
							mangled.deleteCharAt(at);
						}
					}
				}
			}
			return mangled.toString();
		}

		private Object value(String name, Type<?> type, int depth) {
			if (this.random.nextInt(12) == 0) {
				return null;
			}
			if (type instanceof NonNullType nonNull) {
				return value(name, nonNull.getType(), depth);
			}
			if (type instanceof ListType list) {
				return List.of(value(name, list.getType(), depth + 1));
			}
			String typeName = ((TypeName) type).getName();
			if (this.random.nextInt(15) == 0) {
				return hostile();
			}
			return switch (typeName) {
				case "Int" ->
					List.of(0, -1, 1, 10, 100, 101, Integer.MAX_VALUE, Integer.MIN_VALUE).get(this.random.nextInt(8));
				case "Boolean" -> this.random.nextBoolean();
				case "ID" -> this.random.nextBoolean() ? this.person.id() : hostile();
				case "EmailAddress" -> this.random.nextBoolean() ? this.person.email() : hostile();
				default -> typed(name, typeName, depth);
			};
		}

		private Object typed(String name, String typeName, int depth) {
			Object definition = this.schema.getType(typeName).orElse(null);
			if (definition instanceof EnumTypeDefinition enumType) {
				List<EnumValueDefinition> values = enumType.getEnumValueDefinitions();
				return this.random.nextInt(6) == 0 ? "NOT_A_VALUE"
						: values.get(this.random.nextInt(values.size())).getName();
			}
			if (definition instanceof InputObjectTypeDefinition input && depth < 3) {
				Map<String, Object> fields = new HashMap<>();
				for (InputValueDefinition field : input.getInputValueDefinitions()) {
					if (this.random.nextInt(4) > 0) {
						fields.put(field.getName(), value(field.getName(), field.getType(), depth + 1));
					}
				}
				if (this.random.nextInt(10) == 0) {
					fields.put("notAField", hostile());
				}
				return fields;
			}
			if (name.toLowerCase().contains("date")) {
				return List.of("2000-01-01", "1999-02-30", "3000-01-01", "yesterday").get(this.random.nextInt(4));
			}
			if (name.toLowerCase().contains("country")) {
				return List.of("GB", "gb", "ZZ", "NLD").get(this.random.nextInt(4));
			}
			if (name.toLowerCase().contains("phone")) {
				return List.of("+442071838750", "12", "+1 (415) 555-2671", "phone").get(this.random.nextInt(4));
			}
			return this.random.nextBoolean() ? "fuzz-" + this.random.nextInt(1000) : hostile();
		}

		private String hostile() {
			return HOSTILE.get(this.random.nextInt(HOSTILE.size()));
		}

	}

}
