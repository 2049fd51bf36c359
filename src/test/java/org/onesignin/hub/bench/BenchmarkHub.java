package org.onesignin.hub.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.json.JsonMapper;

import org.onesignin.hub.HubApplication;
import org.onesignin.hub.account.Account;
import org.onesignin.hub.account.AccountId;
import org.onesignin.hub.account.AccountStatus;
import org.onesignin.hub.account.Accounts;
import org.onesignin.hub.account.BasicDetails;
import org.onesignin.hub.account.Credentials;
import org.onesignin.hub.account.LinkedAccount;
import org.onesignin.hub.limits.TrustedDocuments;
import org.onesignin.hub.signin.BenchmarkTokens;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The hub as {@code src/test/scripts/api-bench.sh} measures it: the application on the
 * embedded store with the {@code bench} profile (the {@link BenchmarkFloor}) and the
 * benchmark registry (ten services), seeded with people, and one file of requests per
 * scenario for the load tool. Not a test.
 *
 * <p>
 * Arguments: the directory to write into, the number of people (each linked to two or
 * three services), the number of writers per run (each linked to ten services, updated in
 * the write scenario) and the number of runs of the write scenario. Writes {@code port},
 * the scenario files and finally {@code ready}, then serves until killed.
 */
public final class BenchmarkHub {

	static final String PASSWORD = "a benchmark passphrase";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Pattern TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

	private static final List<String> READ_SERVICES = List.of("my-sony", "playstation-network", "sony-music");

	private static final List<String> WRITE_SERVICES = List.of("my-sony", "playstation-network", "sony-music",
			"sony-rewards", "bench-service-1", "bench-service-2", "bench-service-3", "bench-service-4",
			"bench-service-5", "bench-service-6");

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final Path out;

	private final String base;

	private final Accounts accounts;

	private final BenchmarkTokens tokens;

	private final String passwordHash;

	private BenchmarkHub(Path out, ConfigurableApplicationContext hub) {
		this.out = out;
		this.base = "http://127.0.0.1:" + ((WebServerApplicationContext) hub).getWebServer().getPort();
		this.accounts = hub.getBean(Accounts.class);
		this.tokens = new BenchmarkTokens(hub);
		this.passwordHash = hub.getBean(PasswordEncoder.class).encode(PASSWORD);
	}

	public static void main(String[] args) throws Exception {
		Path out = Path.of(args[0]);
		int people = Integer.parseInt(args[1]);
		int writers = Integer.parseInt(args[2]);
		int writeRuns = Integer.parseInt(args[3]);
		List<String> arguments = new ArrayList<>(List.of("--spring.profiles.active=bench", "--server.port=0",
				"--server.address=127.0.0.1", "--hub.registry.location=classpath:bench/bench-registry.yaml",
				"--hub.embedded-store.directory=" + out.resolve("store"),
				"--hub.unsubscribe.secret-file=" + out.resolve("unsubscribe-secret"),
				"--hub.mail.directory=" + out.resolve("mail"), "--logging.level.root=warn",
				// one partner and one agent make all of their scenario's requests
				"--hub.rate-limits.partner-service.capacity=100000000",
				"--hub.rate-limits.partner-service.refill-per-second=100000000",
				"--hub.rate-limits.support-agent.capacity=100000000",
				"--hub.rate-limits.support-agent.refill-per-second=100000000"));
		for (int i = 4; i < args.length; i++) {
			arguments.add(args[i]);
		}
		ConfigurableApplicationContext hub = new SpringApplicationBuilder(HubApplication.class)
			.run(arguments.toArray(String[]::new));
		new BenchmarkHub(out, hub).prepare(people, writers, writeRuns);
		Files.writeString(out.resolve("ready"), "ready\n");
		Thread.currentThread().join();
	}

	private void prepare(int people, int writers, int writeRuns) throws Exception {
		Files.writeString(this.out.resolve("port"), this.base.substring(this.base.lastIndexOf(':') + 1));
		long started = System.nanoTime();
		List<Person> readers = seed("person", people, (i) -> READ_SERVICES.subList(0, (i % 3 == 0) ? 3 : 2));
		List<Person> wide = seed("writer", writers * writeRuns, (i) -> WRITE_SERVICES);
		System.out.printf("seeded %d people (2-3 services each) and %d writers (10 services each) in %.0f s%n",
				readers.size(), wide.size(), (System.nanoTime() - started) / 1e9);

		String me = document("account-pages/me.graphql");
		String linkedAccount = document("partner/linkedAccount.graphql");
		String search = document("support/searchAccounts.graphql");
		String update = document("account-pages/updateMyBasicDetails.graphql");
		String partner = partnerToken("playstation-network");
		String agent = agentToken("agent@sony-europe.example", "support-password-1");

		write("floor", readers, (p) -> p.token + "\t-");
		write("typename", readers, (p) -> p.token + "\t" + json(Map.of("query", "{ __typename }")));
		write("me", readers, (p) -> p.token + "\t" + json(request(me, "me", Map.of())));
		write("partner", readers,
				(p) -> partner + "\t" + json(request(linkedAccount, "linkedAccount", Map.of("id", p.id))));
		write("support", readers, (p) -> agent + "\t" + json(request(search, "searchAccounts",
				Map.of("query", Map.of("email", p.email), "ticket", "BENCH-1", "first", 10))));
		for (int run = 0; run < writeRuns; run++) {
			List<Person> slice = wide.subList(run * writers, (run + 1) * writers);
			// the load tool puts the expected revision and a fresh given name in
			write("update-" + run, slice, (p) -> p.token + "\t"
					+ json(request(update, "updateMyBasicDetails",
							Map.of("input", Map.of("expectedRevision", 999_999_001, "givenName", "Ada 999999002"))))
						.replace("999999001", "%REV%")
						.replace("999999002", "%N%"));
		}
	}

	private List<Person> seed(String prefix, int count, java.util.function.IntFunction<List<String>> services)
			throws Exception {
		Instant now = Instant.now();
		ExecutorService pool = Executors.newFixedThreadPool(4);
		List<Future<Person>> seeded = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			int index = i;
			seeded.add(pool.submit(() -> {
				AccountId id = AccountId.generate();
				String email = prefix + "-" + index + "@bench.example";
				List<LinkedAccount> links = new ArrayList<>();
				Map<String, Integer> emitted = new HashMap<>();
				for (String service : services.apply(index)) {
					links.add(LinkedAccount.active(service, prefix + "-" + index, now));
					emitted.put(service, 1);
				}
				BasicDetails details = new BasicDetails("Ada", "Bench " + index, email, null, "GB", "en", null, null);
				Account account = new Account(id, this.passwordHash, Credentials.VERIFIED, AccountStatus.ACTIVE, 1, 0,
						details, links, emitted, Map.of(), now, now, null);
				if (!this.accounts.insert(account, List.of(), List.of())) {
					throw new IllegalStateException("could not seed " + email);
				}
				return new Person(id.value(), email,
						this.tokens.person(id.value(), email, "account-pages", Duration.ofHours(2)));
			}));
		}
		List<Person> people = new ArrayList<>();
		for (Future<Person> person : seeded) {
			people.add(person.get());
		}
		pool.shutdown();
		return people;
	}

	private void write(String scenario, List<Person> people, java.util.function.Function<Person, String> line)
			throws IOException {
		Files.write(this.out.resolve(scenario + ".tsv"), people.stream().map(line).toList());
	}

	private static String document(String path) throws IOException {
		return Files.readString(Path.of("graphql/operations").resolve(path));
	}

	/** As a trusted client sends it: the document's id, never its text. */
	private static Map<String, Object> request(String document, String operation, Map<String, Object> variables) {
		return Map.of("documentId", "sha256:" + TrustedDocuments.idOf(document), "operationName", operation,
				"variables", variables);
	}

	private static String json(Object value) {
		return JSON.writeValueAsString(value);
	}

	private String partnerToken(String client) throws Exception {
		String basic = Base64.getEncoder().encodeToString((client + ":" + client + "-secret").getBytes());
		return token(HttpRequest.newBuilder(URI.create(this.base + "/oauth2/token"))
			.header("Authorization", "Basic " + basic)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
			.build());
	}

	private String agentToken(String username, String password) throws Exception {
		return token(HttpRequest.newBuilder(URI.create(this.base + "/local/token"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers
				.ofString("client_id=support-console&username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
						+ "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8)))
			.build());
	}

	private String token(HttpRequest request) throws Exception {
		String body = this.http.send(request, HttpResponse.BodyHandlers.ofString()).body();
		Matcher m = TOKEN.matcher(body);
		if (!m.find()) {
			throw new IllegalStateException("no token: " + body);
		}
		return m.group(1);
	}

	private record Person(String id, String email, String token) {
	}

}
