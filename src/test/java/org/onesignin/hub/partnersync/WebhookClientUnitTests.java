package org.onesignin.hub.partnersync;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.core5.http.ContentType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The webhook client connects only where its resolver lets it, and gives up on a receiver
 * that does not answer in time.
 */
class WebhookClientUnitTests {

	private final AtomicInteger requests = new AtomicInteger();

	private volatile long answerAfterMillis;

	private HttpServer receiver;

	@BeforeEach
	void startReceiver() throws IOException {
		this.receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
		this.receiver.createContext("/", (exchange) -> {
			this.requests.incrementAndGet();
			try {
				Thread.sleep(this.answerAfterMillis);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			exchange.sendResponseHeaders(204, -1);
			exchange.close();
		});
		this.receiver.start();
	}

	@AfterEach
	void stopReceiver() {
		this.receiver.stop(0);
	}

	@Test
	void postsWhereTheResolverAdmitsTheAddress() throws IOException {
		try (WebhookClient client = new WebhookClient(new WebhookTargets(false).resolver(), Duration.ofSeconds(5))) {
			assertThat(post(client)).isEqualTo(204);
		}
		assertThat(this.requests).hasValue(1);
	}

	@Test
	void connectsNowhereTheResolverRefuses() throws IOException {
		DnsResolver refusing = new DnsResolver() {
			@Override
			public InetAddress[] resolve(String host) throws UnknownHostException {
				throw new UnknownHostException("A refused address");
			}

			@Override
			public String resolveCanonicalHostname(String host) {
				return host;
			}
		};

		try (WebhookClient client = new WebhookClient(refusing, Duration.ofSeconds(5))) {
			assertThatExceptionOfType(IOException.class).isThrownBy(() -> post(client));
		}
		assertThat(this.requests).hasValue(0);
	}

	@Test
	void givesUpOnAReceiverThatDoesNotAnswerInTime() throws IOException {
		this.answerAfterMillis = 2_000;

		try (WebhookClient client = new WebhookClient(new WebhookTargets(false).resolver(), Duration.ofMillis(300))) {
			assertThatExceptionOfType(IOException.class).isThrownBy(() -> post(client));
		}
		assertThat(this.requests).hasValue(1);
	}

	private int post(WebhookClient client) throws IOException {
		return client.post(URI.create("http://localhost:" + this.receiver.getAddress().getPort() + "/hooks"),
				ContentType.APPLICATION_JSON, Map.of("webhook-id", "msg_1"), "{}".getBytes(StandardCharsets.UTF_8));
	}

}
