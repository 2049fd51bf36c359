package org.onesignin.hub.partnersync;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.assertj.core.api.ThrowingConsumer;
import org.junit.jupiter.api.Test;
import org.onesignin.hub.support.HubIntegrationTest;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.io.FileSystemResource;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.client.SubscriptionErrorException;
import org.springframework.graphql.client.WebSocketGraphQlClientInterceptor;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.support.ResourceDocumentSource;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.reactive.socket.client.StandardWebSocketClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Rule 4, the live side: a service follows its changes over graphql-ws with its partner
 * token in {@code connection_init}; nobody else may.
 */
// small batches: a resumed subscription's replay spans several reads
@TestPropertySource(properties = { "hub.subscriptions.poll-interval=100ms", "hub.subscriptions.batch=7" })
class ServiceChangedSubscriptionIntegrationTests extends HubIntegrationTest {

	@Test
	void deliversTheServicesNewChangesLive() throws Exception {
		String id = registerThrough("sony-music");
		WebSocketGraphQlTester tester = webSocket(this.jwts.partner("sony-music"));
		CompletableFuture<Map> next = tester.documentName("partner/serviceChanged")
			.variable("serviceId", "sony-music")
			.executeSubscription()
			.toFlux("serviceChanged", Map.class)
			.filter((change) -> id.equals(change.get("accountId")))
			.next()
			.toFuture();
		Thread.sleep(500);

		asAccountHolder(id).documentName("account-pages/updateMyBasicDetails")
			.variable("input", Map.of("expectedRevision", 1, "givenName", "Live"))
			.execute();

		Map<?, ?> change = next.get(15, TimeUnit.SECONDS);
		assertThat(change.get("type")).isEqualTo("basic-details.changed");
		assertThat(((Map<?, ?>) change.get("data")).get("givenName")).isEqualTo("Live");
		tester.stop().block(Duration.ofSeconds(5));
	}

	@Test
	void resumesFromTheLastCursorWithExactlyTheChangesMissed() throws Exception {
		String id = registerThrough("sony-music");
		WebSocketGraphQlTester first = webSocket(this.jwts.partner("sony-music"));
		CompletableFuture<Map> seen = changesAbout(first, id, null).next().toFuture();
		Thread.sleep(500);
		changeGivenName(id, 1, "Seen");
		Map<?, ?> last = seen.get(15, TimeUnit.SECONDS);
		first.stop().block(Duration.ofSeconds(5));

		// while the client is away
		for (int change = 1; change <= 20; change++) {
			changeGivenName(id, 1 + change, "Missed " + change);
		}
		WebSocketGraphQlTester second = webSocket(this.jwts.partner("sony-music"));
		List<Map> resumed = changesAbout(second, id, (String) last.get("cursor")).take(Duration.ofSeconds(8))
			.collectList()
			.block(Duration.ofSeconds(15));
		second.stop().block(Duration.ofSeconds(5));

		assertThat(resumed).map((change) -> (Object) ((Map<?, ?>) change.get("data")).get("givenName"))
			.containsExactlyElementsOf(
					IntStream.rangeClosed(1, 20).mapToObj((change) -> (Object) ("Missed " + change)).toList());
		assertThat(resumed).map((change) -> change.get("id")).doesNotHaveDuplicates().doesNotContain(last.get("id"));
		// an event's cursor is the feed's: the service acknowledges up to it
		String upTo = (String) resumed.get(19).get("cursor");
		asPartnerService("sony-music").documentName("partner/acknowledgeServiceChanges")
			.variable("input", Map.of("serviceId", "sony-music", "upTo", upTo))
			.execute()
			.path("acknowledgeServiceChanges.acknowledgedUpTo")
			.entity(String.class)
			.isEqualTo(upTo);
	}

	@Test
	void refusesToResumeFromSomethingThatIsNotACursor() {
		WebSocketGraphQlTester tester = webSocket(this.jwts.partner("sony-music"));

		assertThatThrownBy(() -> changesAbout(tester, "any", "not a cursor").blockFirst(Duration.ofSeconds(10)))
			.satisfies(refusedAs(ErrorType.BAD_REQUEST));
		// a cursor past the feed's end would skip what comes before it
		String beyondTheEnd = java.util.Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString("k|sequence=L%3A999999999".getBytes(java.nio.charset.StandardCharsets.UTF_8));
		assertThatThrownBy(() -> changesAbout(tester, "any", beyondTheEnd).blockFirst(Duration.ofSeconds(10)))
			.satisfies(refusedAs(ErrorType.BAD_REQUEST));
		tester.stop().block(Duration.ofSeconds(5));
	}

	private Flux<Map> changesAbout(WebSocketGraphQlTester tester, String accountId, String after) {
		return tester.documentName("partner/serviceChanged")
			.variable("serviceId", "sony-music")
			.variable("after", after)
			.executeSubscription()
			.toFlux("serviceChanged", Map.class)
			.filter((change) -> accountId.equals(change.get("accountId")));
	}

	@Test
	void refusesAnotherServicesSubscription() {
		WebSocketGraphQlTester tester = webSocket(this.jwts.partner("sony-rewards"));

		assertThatThrownBy(() -> tester.documentName("partner/serviceChanged")
			.variable("serviceId", "sony-music")
			.executeSubscription()
			.toFlux("serviceChanged", Map.class)
			.blockFirst(Duration.ofSeconds(10))).satisfies(refusedAs(ErrorType.FORBIDDEN));
		tester.stop().block(Duration.ofSeconds(5));
	}

	@Test
	void carriesOnlySubscriptionsOverTheWebSocket() {
		WebSocketGraphQlTester tester = webSocket(this.jwts.partner("sony-music"));

		tester.document("{ companies { id } }")
			.execute()
			.errors()
			.expect((error) -> error.getErrorType() == ErrorType.FORBIDDEN)
			.verify();
		tester.stop().block(Duration.ofSeconds(5));
	}

	@Test
	void refusesAnUnauthenticatedSubscription() {
		WebSocketGraphQlTester tester = webSocket(null);

		assertThatThrownBy(() -> tester.documentName("partner/serviceChanged")
			.variable("serviceId", "sony-music")
			.executeSubscription()
			.toFlux("serviceChanged", Map.class)
			.blockFirst(Duration.ofSeconds(10))).satisfies(refusedAs(ErrorType.UNAUTHORIZED));
		tester.stop().block(Duration.ofSeconds(5));
	}

	/** The subscription ended with exactly one error, of {@code type}. */
	private static ThrowingConsumer<Throwable> refusedAs(ErrorType type) {
		return (thrown) -> assertThat(thrown).isInstanceOfSatisfying(SubscriptionErrorException.class,
				(ex) -> assertThat(ex.getErrors()).extracting(ResponseError::getErrorType).containsExactly(type));
	}

	private WebSocketGraphQlTester webSocket(String token) {
		return WebSocketGraphQlTester
			.builder(URI.create("ws://127.0.0.1:" + this.port + "/graphql"), new StandardWebSocketClient())
			.documentSource(new ResourceDocumentSource(java.util.List.of(new FileSystemResource("graphql/operations/")),
					java.util.List.of(".graphql")))
			.interceptor(new WebSocketGraphQlClientInterceptor() {
				@Override
				public Mono<Object> connectionInitPayload() {
					return (token != null) ? Mono.just(Map.of("Authorization", "Bearer " + token)) : Mono.empty();
				}
			})
			.build();
	}

}
