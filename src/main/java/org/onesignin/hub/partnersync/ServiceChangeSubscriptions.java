package org.onesignin.hub.partnersync;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.onesignin.hub.access.AccessPolicy;
import org.onesignin.hub.access.AccessRequest;
import org.onesignin.hub.access.Operation;
import org.onesignin.hub.shared.BadRequestException;
import org.onesignin.hub.shared.Caller;
import org.onesignin.hub.shared.LimitExceededException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The live channel of rule 4: a service's new feed entries as they are appended, from the
 * moment it subscribes. It tails the feed in the store (not an in-process signal), so it
 * sees entries appended by any hub instance, in feed order, with no gap.
 */
@Service
public class ServiceChangeSubscriptions {

	private final ServiceChangeFeeds feeds;

	private final Duration pollInterval;

	private final int maxPerService;

	/** Entries read from the store at a time. */
	private final int batch;

	/** Open subscriptions per service on this instance. */
	private final java.util.Map<String, java.util.concurrent.atomic.AtomicInteger> open = new java.util.concurrent.ConcurrentHashMap<>();

	private final AccessPolicy policy;

	ServiceChangeSubscriptions(ServiceChangeFeeds feeds, AccessPolicy policy,
			@Value("${hub.subscriptions.poll-interval:500ms}") Duration pollInterval,
			@Value("${hub.subscriptions.max-per-service:10}") int maxPerService,
			@Value("${hub.subscriptions.batch:100}") int batch) {
		this.feeds = feeds;
		this.batch = batch;
		this.pollInterval = pollInterval;
		this.maxPerService = maxPerService;
		this.policy = policy;
	}

	/**
	 * Only the service itself (its partner token) follows its changes: those after the
	 * feed position {@code after} (replayed first), or from now on when it is null.
	 */
	public Flux<FeedEntry> follow(Caller caller, String serviceId, Long after) {
		if (caller == null) {
			throw new org.springframework.security.authentication.AuthenticationCredentialsNotFoundException(
					"Send the partner token in connection_init");
		}
		this.policy.authorize(AccessRequest.of(caller, Operation.FOLLOW_SERVICE_CHANGES).forService(serviceId));
		// the token was checked once, at connection_init: the stream ends when it expires
		Duration left = (caller.expiresAt() != null) ? Duration.between(java.time.Instant.now(), caller.expiresAt())
				: Duration.ofHours(1);
		if (left.isNegative() || left.isZero()) {
			throw new org.springframework.security.authentication.CredentialsExpiredException("Token expired");
		}
		java.util.concurrent.atomic.AtomicInteger count = this.open.computeIfAbsent(serviceId,
				(id) -> new java.util.concurrent.atomic.AtomicInteger());
		if (count.incrementAndGet() > this.maxPerService) {
			count.decrementAndGet();
			// each subscription polls the store:
			// a bounded number per service and instance
			throw new LimitExceededException("Too many open subscriptions for this service");
		}
		long end = this.feeds.lastSequence(serviceId);
		if (after != null && after > end) {
			count.decrementAndGet();
			// a cursor beyond the feed's end (another feed's, or from a restored store)
			// would silently skip what comes before it
			throw new BadRequestException("after is beyond the end of this feed");
		}
		AtomicLong position = new AtomicLong((after != null) ? after : end);
		// at once, then every poll interval: each time every entry after the position, a
		// batch after the other (a resumed subscription replays its backlog this way)
		return Flux.interval(Duration.ZERO, this.pollInterval)
			.take(left)
			.onBackpressureDrop()
			.concatMap((tick) -> nextBatch(serviceId, position)
				.expand((entries) -> (entries.size() == this.batch) ? nextBatch(serviceId, position) : Mono.empty()))
			.concatMapIterable((entries) -> entries)
			.doFinally((signal) -> count.decrementAndGet());
	}

	/** The entries after the position, which moves past them. */
	private Mono<List<FeedEntry>> nextBatch(String serviceId, AtomicLong position) {
		return Mono.fromCallable(() -> {
			List<FeedEntry> entries = this.feeds.after(serviceId, position.get(), this.batch);
			entries.stream().mapToLong(FeedEntry::sequence).max().ifPresent(position::set);
			return entries;
		}).subscribeOn(Schedulers.boundedElastic());
	}

}
