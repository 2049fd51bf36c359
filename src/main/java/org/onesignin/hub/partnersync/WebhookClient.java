package org.onesignin.hub.partnersync;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.config.TlsConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;

/**
 * The HTTP client of webhook deliveries: it resolves names through the targets' rules and
 * connects only to the addresses it checked; no redirects, retries or cookies; a time
 * limit on every step (connect, TLS handshake, each read) and a deadline on the whole
 * exchange, so that a receiver trickling its answer cannot hold a delivery beyond twice
 * {@code hub.webhooks.timeout}. It connects directly: the JVM's proxy settings are not
 * used (a proxy would resolve the names itself, past the checks).
 */
final class WebhookClient implements AutoCloseable {

	private final CloseableHttpClient client;

	private final ScheduledThreadPoolExecutor deadlines;

	private final long deadlineMillis;

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
			.setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(limit).build())
			// a 3xx is an answer, not a new target
			.disableRedirectHandling()
			.disableAutomaticRetries()
			.disableCookieManagement()
			.build();
		this.deadlines = new ScheduledThreadPoolExecutor(1, (task) -> {
			Thread thread = new Thread(task, "webhook-deadlines");
			thread.setDaemon(true);
			return thread;
		});
		// a deadline met is forgotten at once, the request with it
		this.deadlines.setRemoveOnCancelPolicy(true);
		this.deadlineMillis = timeout.multipliedBy(2).toMillis();
	}

	/**
	 * POSTs the body and answers the response's status, or throws when there was no
	 * answer in time (or no connection at all).
	 */
	int post(URI uri, ContentType type, Map<String, String> headers, byte[] body) throws IOException {
		HttpPost post = new HttpPost(uri);
		headers.forEach(post::setHeader);
		post.setEntity(new ByteArrayEntity(body, type));
		ScheduledFuture<?> deadline;
		try {
			deadline = this.deadlines.schedule(post::cancel, this.deadlineMillis, TimeUnit.MILLISECONDS);
		}
		catch (RejectedExecutionException ex) {
			throw new IOException("The hub is stopping", ex);
		}
		try {
			return this.client.execute(post, (response) -> {
				EntityUtils.consume(response.getEntity());
				return response.getCode();
			});
		}
		finally {
			deadline.cancel(false);
		}
	}

	@Override
	public void close() {
		this.client.close(CloseMode.IMMEDIATE);
		this.deadlines.shutdownNow();
	}

}
