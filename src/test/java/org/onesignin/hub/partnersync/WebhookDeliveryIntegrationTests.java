package org.onesignin.hub.partnersync;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onesignin.hub.HubApplication;
import org.onesignin.hub.support.FeedEvent;
import org.onesignin.hub.support.HubIntegrationTest;
import org.onesignin.hub.support.RawGraphQl;
import org.onesignin.hub.support.TestMailbox;
import org.onesignin.hub.support.TestStores;
import org.onesignin.hub.support.WebhookReceiver;
import org.onesignin.hub.support.WebhookReceiver.Delivery;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.onesignin.hub.support.ServiceAccount.aServiceAccount;

/**
 * Rule 4's webhook: Sony Music's feed POSTed to a receiver on 127.0.0.1 that is down,
 * then failing, then answering 2xx: every entry arrives, in feed order, signed, after
 * retries that back off; a delivery that fails too often is paused as FAILING until the
 * partner asks for a redelivery.
 */
@TestPropertySource(properties = { "hub.webhooks.interval=100ms", "hub.webhooks.first-retry=200ms",
		"hub.webhooks.longest-retry=4s", "hub.webhooks.max-attempts=8",
		"hub.webhooks.secrets.sony-music=" + WebhookDeliveryIntegrationTests.SECRET,
		"hub.webhooks.secrets.moving-club=" + WebhookDeliveryIntegrationTests.SECRET })
class WebhookDeliveryIntegrationTests extends HubIntegrationTest {

	static final String SECRET = "c29ueS1tdXNpYy13ZWJob29rLXNpZ25pbmctc2VjcmV0LTMyYg==";

	private static final WebhookReceiver receiver = new WebhookReceiver();

	private static String registryLocation;

	@Autowired
	private MongoConnectionDetails store;

	@DynamicPropertySource
	static void registryWithAWebhook(DynamicPropertyRegistry registry) throws IOException {
		String demo = Files.readString(Path.of("src/main/resources/registry/demo-registry.yaml"));
		String service = "  - id: sony-music\n";
		assertThat(demo).contains(service);
		Path file = Files.createTempFile("registry-with-webhook", ".yaml");
		String rewards = "  - id: sony-rewards\n";
		assertThat(demo).contains(rewards);
		// this instance has Sony Rewards' address but not its secret: only the instances
		// a test starts deliver to it
		Files.writeString(file,
				demo.replace(service, service + "    webhook:\n      url: " + receiver.url("/hooks/sony-music") + "\n")
					.replace(rewards,
							rewards + "    webhook:\n      url: " + receiver.url("/hooks/sony-rewards") + "\n"));
		file.toFile().deleteOnExit();
		registryLocation = "file:" + file;
		registry.add("hub.registry.location", () -> registryLocation);
	}

	@BeforeEach
	void receiverDown() {
		receiver.down();
	}

	@Test
	void deliversEveryEntryInFeedOrderSignedOnceTheReceiverAnswersAndBacksOffMeanwhile() {
		String id = registerThrough("sony-music");
		changeGivenName(id, 1, "First");
		changeGivenName(id, 2, "Second");
		await().atMost(Duration.ofSeconds(15))
			.until(() -> webhook().get("failedAttempts") instanceof Integer failed && failed >= 2);

		receiver.answer(500, 500, 500, 200);

		await().atMost(Duration.ofSeconds(60)).until(() -> accepted(id).size() == 3);
		List<String> feed = wholeFeedEvents("sony-music", id).stream().map(FeedEvent::id).toList();
		assertThat(accepted(id)).map(Delivery::id).containsExactlyElementsOf(feed);
		assertThat(accepted(id))
			.allSatisfy((delivery) -> assertThat(delivery.signature()).isEqualTo(expectedSignature(delivery)));
		List<Delivery> failures = receiver.deliveries()
			.stream()
			.filter((delivery) -> delivery.status() == 500 && delivery.body().contains(id))
			.toList();
		long firstGap = failures.get(1).arrivedNanos() - failures.get(0).arrivedNanos();
		long thirdGap = accepted(id).get(0).arrivedNanos() - failures.get(2).arrivedNanos();
		assertThat(thirdGap).as("retries back off").isGreaterThan(firstGap);
		assertThat(webhook()).containsEntry("state", "ACTIVE").containsEntry("failedAttempts", 0);
		// a 2xx acknowledges the entry: the link is in sync
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(linkedAccountsOf(id)).singleElement()
				.satisfies((link) -> assertThat(link.syncState()).isEqualTo("IN_SYNC")));
	}

	@Test
	void pausesAFailingWebhookUntilThePartnerAsksForARedelivery() throws Exception {
		receiver.answer(500);
		String id = registerThrough("sony-music");
		changeGivenName(id, 1, "Paused");

		await().atMost(Duration.ofSeconds(60)).until(() -> "FAILING".equals(webhook().get("state")));
		assertThat(webhook()).containsEntry("lastError", "HTTP 500").containsEntry("failedAttempts", 8);
		receiver.answer(200);
		Thread.sleep(1000);
		assertThat(accepted(id)).as("nothing while paused").isEmpty();

		// the cursor the failed attempts carried (CloudEvents extension feedcursor): the
		// partner redelivers from what it received
		Delivery attempt = receiver.deliveries()
			.stream()
			.filter((delivery) -> delivery.body().contains(id))
			.findFirst()
			.orElseThrow();
		String first = (String) JsonMapper.builder().build().readValue(attempt.body(), Map.class).get("feedcursor");
		assertThat(first).isNotBlank();
		asPartnerService("sony-music").documentName("partner/redeliverServiceChanges")
			.variable("input", Map.of("serviceId", "sony-music", "from", first))
			.execute()
			.path("redeliverServiceChanges.webhook.state")
			.entity(String.class)
			.isEqualTo("ACTIVE");

		await().atMost(Duration.ofSeconds(15)).until(() -> accepted(id).size() == 2);
		assertThat(accepted(id)).map(Delivery::id)
			.containsExactlyElementsOf(wholeFeedEvents("sony-music", id).stream().map(FeedEvent::id).toList());
	}

	@Test
	void deliversEachEntryOnceAndOneAtATimeWithTwoInstancesRunning() throws Exception {
		receiver.answer(200);
		receiver.answerAfter(Duration.ofMillis(50));
		try (ConfigurableApplicationContext second = secondInstance()) {
			String id = registerThrough("sony-music");
			for (int change = 1; change <= 8; change++) {
				changeGivenName(id, change, "Twice " + change);
			}

			await().atMost(Duration.ofSeconds(20)).until(() -> accepted(id).size() >= 9);
			Thread.sleep(1000);

			assertThat(accepted(id)).map(Delivery::id)
				.containsExactlyElementsOf(wholeFeedEvents("sony-music", id).stream().map(FeedEvent::id).toList());
			assertThat(receiver.mostAtOnce()).as("deliveries at once").isEqualTo(1);
		}
		finally {
			receiver.answerAfter(Duration.ZERO);
		}
	}

	@Test
	void resumesOnAnotherInstanceWhenTheDeliveringOneStops() {
		receiver.answer(200);
		receiver.answerAfter(Duration.ofMillis(300));
		try {
			ConfigurableApplicationContext first = anotherInstance("sony-rewards");
			String id = registerThrough("my-sony");
			link(id, aServiceAccount().at("sony-rewards").withId("sr-" + id));
			try {
				for (int change = 1; change <= 6; change++) {
					changeGivenName(id, change, "Handover " + change);
				}
				await().atMost(Duration.ofSeconds(20)).until(() -> accepted(id).size() >= 2);
			}
			finally {
				// stopped mid-feed, still holding the lease
				first.close();
			}
			List<String> feed = wholeFeedEvents("sony-rewards", id).stream().map(FeedEvent::id).toList();
			assertThat(feed).hasSize(7);

			assertAnotherInstanceDeliversTheRest(id, feed);
		}
		finally {
			receiver.answerAfter(Duration.ZERO);
		}
	}

	@Test
	void losesNothingWhenTheDeliveringProcessIsKilled() throws Exception {
		receiver.answer(200);
		// slow enough that the kill comes while most of the feed waits
		receiver.answerAfter(Duration.ofSeconds(1));
		Path log = Files.createTempFile("killed-hub", ".log");
		Process killed = startHubProcess("sony-rewards", log);
		try {
			String id = registerThrough("my-sony");
			link(id, aServiceAccount().at("sony-rewards").withId("sr-kill-" + id));
			for (int change = 1; change <= 6; change++) {
				changeGivenName(id, change, "Killed " + change);
			}
			await().atMost(Duration.ofSeconds(30)).until(() -> accepted(id).size() >= 2);

			// SIGKILL on Linux: no shutdown hook, the lease still held, a POST in flight
			killed.destroyForcibly();
			assertThat(killed.waitFor(30, TimeUnit.SECONDS)).isTrue();
			List<String> feed = wholeFeedEvents("sony-rewards", id).stream().map(FeedEvent::id).toList();
			assertThat(feed).hasSize(7);
			assertThat(accepted(id).stream().map(Delivery::id).distinct().count()).isLessThan(feed.size());

			assertAnotherInstanceDeliversTheRest(id, feed);
		}
		finally {
			killed.destroyForcibly();
			receiver.answerAfter(Duration.ZERO);
		}
	}

	@Test
	void deliversToAnAddressAnAdministratorSetOnlyOnceThePartnerConfirmsItAndNeverTheBacklog() {
		// a service of its own, onboarded here: no other test's entries in its feed
		createMovingClub(receiver.url("/hooks/before"));
		assertThat(movingClubsWebhook("state")).isEqualTo("AWAITING_CONFIRMATION");
		confirmMovingClubs(receiver.url("/hooks/before"));
		receiver.answer(500);
		String id = registerThrough("my-sony");
		link(id, aServiceAccount().at("moving-club").withId("mc-" + id));
		changeGivenName(id, 1, "Backlog");
		await().atMost(Duration.ofSeconds(20))
			.until(() -> receiver.deliveries().stream().anyMatch((d) -> d.path().equals("/hooks/before")));
		List<String> backlog = wholeFeedEvents("moving-club", id).stream().map(FeedEvent::id).toList();
		assertThat(backlog).hasSize(2);

		pointMovingClubAt(receiver.url("/hooks/after"));
		await().atMost(Duration.ofSeconds(20)).until(() -> "AWAITING_CONFIRMATION".equals(movingClubsWebhook("state")));
		receiver.answer(200);
		changeGivenName(id, 2, "After the move");
		// neither a redelivery nor a confirmation without the webhook's secret starts it
		asPartnerService("moving-club").documentName("partner/redeliverServiceChanges")
			.variable("input", Map.of("serviceId", "moving-club", "from", movingClubsWebhook("lastDeliveredCursor")))
			.execute()
			.path("redeliverServiceChanges.errors[0].field")
			.entityList(String.class)
			.containsExactly("input", "serviceId");
		asPartnerService("moving-club").documentName("partner/confirmServiceWebhook")
			.variable("input",
					Map.of("serviceId", "moving-club", "url", receiver.url("/hooks/after"), "proof",
							proofOf(receiver.url("/hooks/before"))))
			.execute()
			.path("confirmServiceWebhook.errors[0].field")
			.entityList(String.class)
			.containsExactly("input", "proof");
		asPartnerService("moving-club").documentName("partner/confirmServiceWebhook")
			.variable("input",
					Map.of("serviceId", "moving-club", "url", receiver.url("/" + "a".repeat(3000)), "proof",
							proofOf(receiver.url("/hooks/after"))))
			.execute()
			.path("confirmServiceWebhook.errors[0].field")
			.entityList(String.class)
			.containsExactly("input", "url");
		// nothing goes to the new address before its service confirms it
		await().during(Duration.ofSeconds(1))
			.atMost(Duration.ofSeconds(3))
			.until(() -> receiver.deliveries().stream().noneMatch((d) -> d.path().equals("/hooks/after")));

		confirmMovingClubs(receiver.url("/hooks/after"));

		await().atMost(Duration.ofSeconds(20))
			.until(() -> accepted(id).stream().anyMatch((d) -> d.path().equals("/hooks/after")));
		List<String> atTheNewAddress = accepted(id).stream()
			.filter((d) -> d.path().equals("/hooks/after"))
			.map(Delivery::id)
			.toList();
		assertThat(atTheNewAddress).hasSize(1).doesNotContainAnyElementsOf(backlog);
	}

	/** The partner's proof that it holds the webhook's secret, for this address. */
	private static String proofOf(String url) {
		return WebhookSignature.withSecret(SECRET).sign("confirm", 0, url.getBytes(StandardCharsets.UTF_8));
	}

	private String movingClubsWebhook(String field) {
		return asPartnerService("moving-club").documentName("partner/serviceWebhook")
			.variable("serviceId", "moving-club")
			.execute()
			.path("serviceWebhook." + field)
			.entity(String.class)
			.get();
	}

	private void confirmMovingClubs(String url) {
		asPartnerService("moving-club").documentName("partner/confirmServiceWebhook")
			.variable("input", Map.of("serviceId", "moving-club", "url", url, "proof", proofOf(url)))
			.execute()
			.path("confirmServiceWebhook.errors")
			.entityList(Object.class)
			.hasSize(0)
			.path("confirmServiceWebhook.webhook.state")
			.entity(String.class)
			.isEqualTo("ACTIVE");
	}

	private void createMovingClub(String webhookUrl) {
		administrator().documentName("administration/createService")
			.variable("input",
					Map.of("id", "moving-club", "name", "Moving Club", "controllerId", "sony-music", "syncedFields",
							List.of("EMAIL", "GIVEN_NAME"), "clients",
							List.of(Map.of("id", "moving-club", "type", "CONFIDENTIAL")), "cancellation",
							Map.of("instructions", "Ask the club."), "webhook", Map.of("url", webhookUrl)))
			.execute()
			.path("createService.errors")
			.entityList(Object.class)
			.hasSize(0);
	}

	private void pointMovingClubAt(String url) {
		administrator().documentName("administration/updateService")
			.variable("input", Map.of("serviceId", "moving-club", "webhook", Map.of("url", url)))
			.execute()
			.path("updateService.errors")
			.entityList(Object.class)
			.hasSize(0);
	}

	private HttpGraphQlTester administrator() {
		return withToken(this.jwts.administrator("admin-webhooks"));
	}

	/**
	 * A hub in a process of its own on the same store, delivering the service's webhook
	 * with a short lease; returns once it answers its health check.
	 */
	private Process startHubProcess(String serviceId, Path log) throws Exception {
		Path scratch = TestStores.scratchDirectory();
		int port;
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			port = socket.getLocalPort();
		}
		String javaCommand = ProcessHandle.current()
			.info()
			.command()
			.orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		Process process = new ProcessBuilder(javaCommand, "-cp", System.getProperty("java.class.path"),
				HubApplication.class.getName(), "--server.port=" + port, "--server.address=127.0.0.1",
				"--spring.mongodb.uri=" + this.store.getConnectionString(),
				"--hub.unsubscribe.secret-file=" + scratch.resolve("unsubscribe-secret"),
				"--hub.mail.directory=" + scratch.resolve("mail"), "--hub.registry.location=" + registryLocation,
				"--hub.webhooks.interval=100ms", "--hub.webhooks.lease-term=2s",
				"--hub.webhooks.secrets." + serviceId + "=" + SECRET, "--logging.level.root=warn",
				"--spring.main.banner-mode=off")
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		HttpClient client = HttpClient.newHttpClient();
		HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
			.build();
		try {
			await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() -> {
				assertThat(process.isAlive()).as("the hub process (log: %s)", log).isTrue();
				try {
					return client.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
				}
				catch (IOException ex) {
					return false;
				}
			});
		}
		catch (RuntimeException | AssertionError ex) {
			process.destroyForcibly();
			throw ex;
		}
		return process;
	}

	/**
	 * Another instance takes over Sony Rewards' delivery: all of the feed arrives, in
	 * feed order; only the entry in flight when the first one stopped may come twice.
	 */
	private void assertAnotherInstanceDeliversTheRest(String id, List<String> feed) {
		try (ConfigurableApplicationContext second = anotherInstance("sony-rewards")) {
			await().atMost(Duration.ofSeconds(30))
				.until(() -> accepted(id).stream().map(Delivery::id).distinct().count() == feed.size());
		}
		List<String> delivered = accepted(id).stream().map(Delivery::id).toList();
		assertThat(delivered.stream().distinct().toList()).containsExactlyElementsOf(feed);
		assertThat(delivered).hasSizeLessThanOrEqualTo(feed.size() + 1);
	}

	/** A second hub on the same store, with the same webhook configuration. */
	private ConfigurableApplicationContext secondInstance() {
		return anotherInstance("sony-music");
	}

	/**
	 * Another hub on the same store, delivering the service's webhook, with a short lease
	 * so that another instance takes over soon after it stops.
	 */
	private ConfigurableApplicationContext anotherInstance(String serviceId) {
		Path scratch = TestStores.scratchDirectory();
		return new SpringApplicationBuilder(HubApplication.class).run("--server.port=0", "--server.address=127.0.0.1",
				"--spring.mongodb.uri=" + this.store.getConnectionString(),
				"--hub.unsubscribe.secret-file=" + scratch.resolve("unsubscribe-secret"),
				"--hub.registry.location=" + registryLocation, "--hub.webhooks.interval=100ms",
				"--hub.webhooks.lease-term=2s", "--hub.webhooks.secrets." + serviceId + "=" + SECRET,
				"--logging.level.root=warn", "--spring.mail.host=127.0.0.1",
				"--spring.mail.port=" + TestMailbox.port());
	}

	@Test
	void showsTheWebhookOnlyToItsOwnService() {
		asPartnerService("sony-rewards").documentName("partner/serviceWebhook")
			.variable("serviceId", "sony-music")
			.execute()
			.errors()
			.expect((error) -> error.getErrorType() == ErrorType.FORBIDDEN)
			.verify();
		asPartnerService("sony-rewards").documentName("partner/serviceWebhook")
			.variable("serviceId", "sony-rewards")
			.execute()
			.path("serviceWebhook")
			.valueIsNull();
	}

	@Test
	void refusesTheWebhookAndItsRedeliveryToEveryOtherCaller() {
		String id = registerThrough("sony-music");
		Map<String, Object> redelivery = Map.of("serviceId", "sony-music", "from", "x");
		Map<String, Object> confirmation = Map.of("serviceId", "sony-music", "url", "https://hooks.example/", "proof",
				"v1,x");
		Map<HttpGraphQlTester, ErrorType> callers = Map.of(anonymous(), ErrorType.UNAUTHORIZED, asAccountHolder(id),
				ErrorType.FORBIDDEN, asAccountHolderThrough(id, "sony-music"), ErrorType.FORBIDDEN,
				asSupportAgent("sony-music"), ErrorType.FORBIDDEN, asSupportAgent("sony-europe"), ErrorType.FORBIDDEN);

		callers.forEach((caller, refusal) -> {
			caller.documentName("partner/serviceWebhook")
				.variable("serviceId", "sony-music")
				.execute()
				.errors()
				.expect((error) -> error.getErrorType() == refusal)
				.verify();
			caller.documentName("partner/redeliverServiceChanges")
				.variable("input", redelivery)
				.execute()
				.errors()
				.expect((error) -> error.getErrorType() == refusal)
				.verify();
			caller.documentName("partner/confirmServiceWebhook")
				.variable("input", confirmation)
				.execute()
				.errors()
				.expect((error) -> error.getErrorType() == refusal)
				.verify();
		});
		// an administrator, and another service, read or confirm nothing of it: a
		// delivery is the partner's to ask for
		for (HttpGraphQlTester other : List.of(withToken(this.jwts.administrator("admin-7")),
				asPartnerService("sony-rewards"))) {
			other.documentName("partner/redeliverServiceChanges")
				.variable("input", redelivery)
				.execute()
				.errors()
				.expect((error) -> error.getErrorType() == ErrorType.FORBIDDEN)
				.verify();
			other.documentName("partner/confirmServiceWebhook")
				.variable("input", confirmation)
				.execute()
				.errors()
				.expect((error) -> error.getErrorType() == ErrorType.FORBIDDEN)
				.verify();
		}
		RawGraphQl
			.exchange(http(), this.jwts.signedWithForeignKey(id),
					Map.of("query", "{ serviceWebhook(serviceId: \"sony-music\") { url } }"))
			.expectStatus()
			.isUnauthorized();
	}

	private Map<String, Object> webhook() {
		return asPartnerService("sony-music").documentName("partner/serviceWebhook")
			.variable("serviceId", "sony-music")
			.execute()
			.path("serviceWebhook")
			.entity(Map.class)
			.get();
	}

	private static List<Delivery> accepted(String accountId) {
		return receiver.deliveries()
			.stream()
			.filter((delivery) -> delivery.accepted() && delivery.body().contains(accountId))
			.toList();
	}

	/** The signature a receiver computes itself, as Standard Webhooks specifies it. */
	private static String expectedSignature(Delivery delivery) throws Exception {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(Base64.getDecoder().decode(SECRET), "HmacSHA256"));
		byte[] signed = mac.doFinal(
				(delivery.id() + "." + delivery.timestamp() + "." + delivery.body()).getBytes(StandardCharsets.UTF_8));
		return "v1," + Base64.getEncoder().encodeToString(signed);
	}

}
