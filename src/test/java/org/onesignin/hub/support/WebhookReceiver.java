package org.onesignin.hub.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;

/**
 * A partner's webhook endpoint on 127.0.0.1: down until started, then answering each POST
 * with the next status of its script (the last one repeats), and recording every request
 * it answered with when it arrived.
 */
public final class WebhookReceiver {

	private final int port;

	private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();

	private final ConcurrentLinkedQueue<Integer> script = new ConcurrentLinkedQueue<>();

	private volatile int lastStatus = 200;

	private volatile long answerAfterMillis;

	private final AtomicInteger inFlight = new AtomicInteger();

	private final AtomicInteger mostInFlight = new AtomicInteger();

	private HttpServer server;

	public WebhookReceiver() {
		try (ServerSocket probe = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
			this.port = probe.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public String url(String path) {
		return "http://127.0.0.1:" + this.port + path;
	}

	/** Starts answering: these statuses in turn, the last one for ever after. */
	public synchronized void answer(int... statuses) {
		this.script.clear();
		for (int index = 0; index < statuses.length - 1; index++) {
			this.script.add(statuses[index]);
		}
		this.lastStatus = statuses[statuses.length - 1];
		if (this.server != null) {
			return;
		}
		try {
			this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", this.port), 16);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.server.setExecutor(Executors.newFixedThreadPool(4));
		this.server.createContext("/", (exchange) -> {
			this.mostInFlight.accumulateAndGet(this.inFlight.incrementAndGet(), Math::max);
			try {
				Thread.sleep(this.answerAfterMillis);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			byte[] body = exchange.getRequestBody().readAllBytes();
			Integer scripted = this.script.poll();
			int status = (scripted != null) ? scripted : this.lastStatus;
			this.deliveries.add(new Delivery(System.nanoTime(), exchange.getRequestHeaders().getFirst("webhook-id"),
					exchange.getRequestHeaders().getFirst("webhook-timestamp"),
					exchange.getRequestHeaders().getFirst("webhook-signature"),
					new String(body, StandardCharsets.UTF_8), status, exchange.getRequestURI().getPath()));
			this.inFlight.decrementAndGet();
			exchange.sendResponseHeaders(status, -1);
			exchange.close();
		});
		this.server.start();
	}

	/** Takes this long over each answer, so that overlapping deliveries would show. */
	public void answerAfter(java.time.Duration delay) {
		this.answerAfterMillis = delay.toMillis();
	}

	/** The most requests it was handling at once. */
	public int mostAtOnce() {
		return this.mostInFlight.get();
	}

	/** Stops answering: connections are refused. */
	public synchronized void down() {
		if (this.server != null) {
			this.server.stop(0);
			this.server = null;
		}
	}

	/** Every request answered so far, in arrival order. */
	public List<Delivery> deliveries() {
		return new ArrayList<>(this.deliveries);
	}

	/** One POST as it arrived, and the status it got. */
	public record Delivery(long arrivedNanos, String id, String timestamp, String signature, String body, int status,
			String path) {

		public boolean accepted() {
			return this.status / 100 == 2;
		}

	}

}
