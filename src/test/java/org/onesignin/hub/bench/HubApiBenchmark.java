package org.onesignin.hub.bench;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.onesignin.hub.HubApplication;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A bounded load benchmark of the hub over loopback HTTP, on the embedded store: how fast
 * partners register people, owners read {@code me} and owners update basic details (each
 * update also writes its events and relays them to the feeds), and how much heap the hub
 * holds afterwards. Prints figures; not a test.
 *
 * <p>
 * Arguments: people (default 200), reads (2000), updates (1000), concurrency (4).
 */
public final class HubApiBenchmark {

	private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder()
		.build();

	private static final Pattern TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

	private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String base;

	private HubApiBenchmark(String base) {
		this.base = base;
	}

	public static void main(String[] args) throws Exception {
		int people = arg(args, 0, 200);
		int reads = arg(args, 1, 2000);
		int updates = arg(args, 2, 1000);
		int concurrency = arg(args, 3, 4);
		Path scratch = Files.createTempDirectory("hub-bench-");
		try (ConfigurableApplicationContext hub = new SpringApplicationBuilder(HubApplication.class).run(
				"--server.port=0", "--hub.embedded-store.directory=" + scratch.resolve("store"),
				"--hub.unsubscribe.secret-file=" + scratch.resolve("unsubscribe-secret"),
				"--logging.level.root=warn")) {
			int port = ((WebServerApplicationContext) hub).getWebServer().getPort();
			new HubApiBenchmark("http://127.0.0.1:" + port).run(people, reads, updates, concurrency);
		}
	}

	private void run(int people, int reads, int updates, int concurrency) throws Exception {
		String partner = partnerToken("playstation-network");
		List<String> emails = new ArrayList<>();
		List<Long> registerLatencies = Collections.synchronizedList(new ArrayList<>());
		long started = System.nanoTime();
		for (int i = 0; i < people; i++) {
			String email = "bench-" + i + "-" + System.nanoTime() + "@example.com";
			long t0 = System.nanoTime();
			String body = graphql(partner, "mutation { registerAccount(input: {email: \\\"" + email
					+ "\\\", password: \\\"a benchmark passphrase\\\", serviceAccountId: \\\"b-" + i
					+ "\\\", basicDetails: {givenName: \\\"Ada\\\", country: \\\"GB\\\"}, emailVerified: true}) { account { id } errors { code } } }");
			registerLatencies.add(System.nanoTime() - t0);
			if (!body.contains("\"errors\":[]")) {
				throw new IllegalStateException("registration failed: " + body);
			}
			emails.add(email);
		}
		report("registerAccount (sequential, password hashing)", registerLatencies, System.nanoTime() - started);

		List<String> tokens = new ArrayList<>();
		for (String email : emails) {
			tokens.add(personToken(email));
		}
		List<String> ids = new ArrayList<>();
		for (String token : tokens) {
			Matcher m = ID.matcher(graphql(token, "{ me { id } }"));
			ids.add(m.find() ? m.group(1) : null);
		}

		measure("me (read)", reads, concurrency, (i) -> {
			String body = graphql(tokens.get(i % tokens.size()), "{ me { id revision basicDetails { givenName } } }");
			return body.contains("\"revision\"");
		});

		// the account pages' own document: by id, by its text, and as an untrusted text
		// (one more space) that is parsed and validated on every request; twice in turn
		String me = java.nio.file.Files
			.readString(java.nio.file.Path.of("graphql/operations/account-pages/me.graphql"));
		Map<String, Map<String, Object>> forms = new java.util.LinkedHashMap<>();
		forms.put("me, account pages' document by id (parsed once)",
				Map.of("documentId", "sha256:" + org.onesignin.hub.limits.TrustedDocuments.idOf(me)));
		forms.put("me, account pages' document as text (parsed once)", Map.of("query", me));
		forms.put("me, the same text plus a space (untrusted: parsed every time)", Map.of("query", me + " "));
		for (int round = 0; round < 2; round++) {
			for (Map.Entry<String, Map<String, Object>> form : forms.entrySet()) {
				String json = JSON.writeValueAsString(form.getValue());
				measure(form.getKey(), reads / 2, concurrency,
						(i) -> post(tokens.get(i % tokens.size()), json).contains("\"signInEmail\""));
			}
		}

		// updates of one person are serialised (lock on their token),
		// so each names the current revision
		int[] revisions = new int[people];
		java.util.Arrays.fill(revisions, 1);
		measure("updateBasicDetails (write + events + relay)", updates, concurrency, (i) -> {
			int person = i % people;
			String body;
			synchronized (tokens.get(person)) {
				body = graphql(tokens.get(person),
						"mutation { updateBasicDetails(input: {expectedRevision: " + revisions[person]
								+ ", givenName: \\\"Ada " + i + "\\\"}) { account { revision } errors { code } } }");
				if (body.contains("\"errors\":[]")) {
					revisions[person]++;
				}
			}
			return body.contains("\"errors\":[]");
		});

		System.gc();
		Thread.sleep(200);
		long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
		System.out.printf("heap_used_after_gc_mb=%.1f people=%d%n", heap / 1048576.0, people);
	}

	private void measure(String name, int count, int concurrency, Step step) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(concurrency);
		List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
		List<Future<Boolean>> results = new ArrayList<>();
		long started = System.nanoTime();
		for (int i = 0; i < count; i++) {
			int index = i;
			Callable<Boolean> call = () -> {
				long t0 = System.nanoTime();
				boolean ok = step.run(index);
				latencies.add(System.nanoTime() - t0);
				return ok;
			};
			results.add(pool.submit(call));
		}
		int failures = 0;
		for (Future<Boolean> result : results) {
			if (!result.get(120, TimeUnit.SECONDS)) {
				failures++;
			}
		}
		pool.shutdown();
		report(name + " concurrency=" + concurrency + " failures=" + failures, latencies, System.nanoTime() - started);
	}

	private static void report(String name, List<Long> latencies, long elapsedNanos) {
		List<Long> sorted = new ArrayList<>(latencies);
		Collections.sort(sorted);
		double seconds = elapsedNanos / 1e9;
		System.out.printf("%s: requests=%d req/s=%.0f p50_ms=%.2f p95_ms=%.2f p99_ms=%.2f%n", name, sorted.size(),
				sorted.size() / seconds, pct(sorted, 0.50), pct(sorted, 0.95), pct(sorted, 0.99));
	}

	private static double pct(List<Long> sorted, double p) {
		return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) (p * sorted.size()))) / 1e6;
	}

	private String graphql(String token, String query) throws Exception {
		return post(token, "{\"query\":\"" + query + "\"}");
	}

	private String post(String token, String json) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.base + "/graphql"))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.timeout(Duration.ofSeconds(30))
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString()).body();
	}

	private String partnerToken(String client) throws Exception {
		String basic = Base64.getEncoder().encodeToString((client + ":" + client + "-secret").getBytes());
		return token(HttpRequest.newBuilder(URI.create(this.base + "/oauth2/token"))
			.header("Authorization", "Basic " + basic)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
			.build());
	}

	private String personToken(String email) throws Exception {
		return token(HttpRequest.newBuilder(URI.create(this.base + "/local/token"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers
				.ofString("client_id=account-pages&username=" + URLEncoder.encode(email, StandardCharsets.UTF_8)
						+ "&password=" + URLEncoder.encode("a benchmark passphrase", StandardCharsets.UTF_8)))
			.build());
	}

	private String token(HttpRequest request) throws Exception {
		String body = this.http.send(request, HttpResponse.BodyHandlers.ofString()).body();
		Matcher m = TOKEN.matcher(body);
		if (!m.find()) {
			throw new IllegalStateException("no token");
		}
		return m.group(1);
	}

	private static int arg(String[] args, int index, int fallback) {
		return (args.length > index) ? Integer.parseInt(args[index]) : fallback;
	}

	@FunctionalInterface
	private interface Step {

		boolean run(int index) throws Exception;

	}

}
