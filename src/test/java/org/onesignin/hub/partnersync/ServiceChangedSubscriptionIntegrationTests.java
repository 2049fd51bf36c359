package org.onesignin.hub.partnersync;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.assertj.core.api.ThrowingConsumer;
import org.junit.jupiter.api.Test;
import org.onesignin.hub.support.HubIntegrationTest;
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
@TestPropertySource(properties = "hub.subscriptions.poll-interval=100ms")
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
