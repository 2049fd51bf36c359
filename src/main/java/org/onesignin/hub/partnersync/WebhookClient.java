package org.onesignin.hub.partnersync;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.TlsConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.util.Timeout;

import org.springframework.http.HttpMethod;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * The HTTP client of webhook deliveries: it resolves names through the targets' rules and
 * connects only to the addresses it checked; no redirects, retries or cookies; a time
 * limit on every step (connect, TLS handshake, each read) and a deadline on the whole
 * POST, so that a receiver trickling its answer cannot hold a delivery beyond twice
 * {@code hub.webhooks.timeout}. It connects directly: the JVM's proxy settings are not
 * used (a proxy would resolve the names itself, past the checks).
 */
final class WebhookClient implements AutoCloseable {

	private final CloseableHttpClient client;

	private final ScheduledExecutorService deadlines;

	private final RestClient rest;

	WebhookClient(DnsResolver resolver, Duration timeout) {
		Timeout limit = Timeout.of(timeout);
		this.client = HttpClients.custom()
			.setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
				.setDnsResolver(resolver)
				.setDefaultSocketConfig(SocketConfig.custom().setSoTimeout(limit).build())
				.setDefaultTlsConfig(TlsConfig.custom().setHandshakeTimeout(limit).build())
				.setDefaultConnectionConfig(
						ConnectionConfig.custom().setConnectTimeout(limit).setSocketTimeout(limit).build())
				.build())
			// a 3xx is an answer, not a new target
			.disableRedirectHandling()
			.disableAutomaticRetries()
			.disableCookieManagement()
			.build();
		this.deadlines = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "webhook-deadlines");
			thread.setDaemon(true);
			return thread;
		});
		long deadline = timeout.multipliedBy(2).toMillis();
		HttpComponentsClientHttpRequestFactory requests = new HttpComponentsClientHttpRequestFactory(this.client) {
			@Override
			protected ClassicHttpRequest createHttpUriRequest(HttpMethod method, URI uri) {
				ClassicHttpRequest request = super.createHttpUriRequest(method, uri);
				if (request instanceof HttpUriRequestBase cancellable) {
					// aborting a finished request changes nothing
					WebhookClient.this.deadlines.schedule(cancellable::cancel, deadline, TimeUnit.MILLISECONDS);
				}
				return request;
			}
		};
		requests.setReadTimeout(timeout);
		this.rest = RestClient.builder().requestFactory(requests).build();
	}

	RestClient rest() {
		return this.rest;
	}

	@Override
	public void close() throws IOException {
		this.deadlines.shutdownNow();
		this.client.close();
	}

}
