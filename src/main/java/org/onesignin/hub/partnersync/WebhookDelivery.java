package org.onesignin.hub.partnersync;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.annotation.PreDestroy;
import org.apache.hc.core5.http.ContentType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.onesignin.hub.registry.RegistryManagement;
import org.onesignin.hub.registry.Service;
import org.onesignin.hub.registry.StoredRegistry;
import org.onesignin.hub.shared.Leases;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.util.backoff.BackOffExecution;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Rule 4's third channel: each service's feed POSTed to its webhook as CloudEvents JSON
 * with Standard Webhooks headers, at least once and in feed order (the next entry waits
 * for the previous one's 2xx), a 2xx acknowledging the entry. A failure is retried with
 * exponential backoff and jitter; after {@code max-attempts} the delivery is FAILING and
 * paused. One instance delivers to a service at a time (a lease per service in the
 * store), and the position is in the store, so another instance resumes where a dead one
 * stopped: nothing is lost, an entry may arrive twice (receivers deduplicate on
 * {@code webhook-id}, the event id).
 */
@org.springframework.stereotype.Service
@EnableConfigurationProperties(WebhookProperties.class)
public class WebhookDelivery {

	private static final Logger log = LoggerFactory.getLogger(WebhookDelivery.class);

	/** CloudEvents' structured mode, JSON format. */
	private static final ContentType CLOUD_EVENT = ContentType.create("application/cloudevents+json");

	private final RegistryManagement registry;

	private final ServiceChangeFeeds feeds;

	private final WebhookStates states;

	private final Leases leases;

	private final Acknowledgements acknowledgements;

	private final ObjectProvider<FeedCursors> cursors;

	private final WebhookProperties properties;

	private final Clock clock;

	private final Map<String, WebhookSignature> signers = new HashMap<>();

	private final WebhookTargets targets;

	private final WebhookClient client;

	private final ExponentialBackOff backOff;

	private final JsonMapper json = JsonMapper.builder().build();

	WebhookDelivery(RegistryManagement registry, ServiceChangeFeeds feeds, WebhookStates states, Leases leases,
			Acknowledgements acknowledgements, WebhookProperties properties, Clock clock, Environment environment,
			ObjectProvider<FeedCursors> cursors) {
		this.cursors = cursors;
		this.registry = registry;
		this.feeds = feeds;
		this.states = states;
		this.leases = leases;
		this.acknowledgements = acknowledgements;
		this.properties = properties;
		this.clock = clock;
		properties.secrets().forEach((serviceId, secret) -> {
			try {
				this.signers.put(serviceId, WebhookSignature.withSecret(secret));
			}
			catch (IllegalArgumentException ex) {
				// the message names the service, never the secret
				throw new IllegalStateException("hub.webhooks.secrets." + serviceId + ": " + ex.getMessage());
			}
		});
		this.targets = new WebhookTargets(environment.acceptsProfiles(Profiles.of("production")));
		this.client = new WebhookClient(this.targets.resolver(), properties.timeout());
		this.backOff = new ExponentialBackOff(properties.firstRetry().toMillis(), 2.0);
		this.backOff.setMaxInterval(properties.longestRetry().toMillis());
		this.backOff.setJitter(properties.firstRetry().toMillis() / 2);
	}

	@PreDestroy
	void closeClient() {
		this.client.close();
	}

	/** Whether the service's webhook is delivered: a URL in the registry and a secret. */
	boolean isConfigured(Service service) {
		return service.webhookUrl() != null && this.signers.containsKey(service.id());
	}

	/** Why the service's feed would not be delivered to this address, if it would not. */
	Optional<String> refusalOf(String serviceId, String url) {
		if (!this.signers.containsKey(serviceId)) {
			return Optional
				.of("no signing secret is configured for this service (hub.webhooks.secrets." + serviceId + ")");
		}
		return this.targets.refusal(url);
	}

	/**
	 * Each configured webhook starts at the feed's end as the hub starts, so that every
	 * entry appended from then on is delivered.
	 */
	@EventListener(ApplicationReadyEvent.class)
	void startDeliveries() {
		for (Service service : this.registry.registry().services()) {
			if (service.webhookUrl() == null) {
				continue;
			}
			Optional<String> refusal = isConfigured(service) ? this.targets.refusal(service.webhookUrl())
					: Optional.of("no hub.webhooks.secrets." + service.id());
			refusal.ifPresent((reason) -> log.warn("Webhook of {} will not be delivered: {}", service.id(), reason));
			if (isConfigured(service)) {
				stateOf(service.id());
			}
		}
	}

	@Scheduled(fixedDelayString = "${hub.webhooks.interval:1s}")
	void deliverDue() {
		for (Service service : this.registry.registry().services()) {
			if (!isConfigured(service) || !this.leases.tryAcquire(leaseOf(service), this.properties.leaseTerm())) {
				continue;
			}
			try {
				deliver(service);
			}
			catch (RuntimeException ex) {
				// the store failed: the position is unchanged, the next round retries
				log.warn("Webhook delivery to {} interrupted: {}", service.id(), ex.getClass().getSimpleName());
			}
		}
	}

	/** The service's delivery state, created at the feed's end the first time. */
	WebhookState stateOf(String serviceId) {
		return this.states.find(serviceId).orElseGet(() -> this.states.createIfAbsent(startingNow(serviceId)));
	}

	/** The service's delivery state as it stands, without creating it. */
	WebhookState currentState(String serviceId) {
		return this.states.find(serviceId).orElseGet(() -> startingNow(serviceId));
	}

	/**
	 * The service's delivery state, brought to the address the service has now: as
	 * stored, since this instance's copy of the registry may be a refresh interval old
	 * (empty then, and when another save came first: the next round decides). A new
	 * address starts at the feed's end, never with the old one's backlog; one an
	 * administrator may have set waits for the partner's confirmation. A state saved
	 * before addresses were recorded keeps its position, waiting for the confirmation too
	 * if an administrator changed the service.
	 */
	Optional<WebhookState> atCurrentAddress(Service service) {
		WebhookState state = stateOf(service.id());
		if (state.isFor(service.webhookUrl())) {
			return Optional.of(state);
		}
		if (!service.webhookUrl()
			.equals(this.registry.latest().service(service.id()).map(Service::webhookUrl).orElse(null))) {
			return Optional.empty();
		}
		boolean byAnAdministrator = setByAnAdministrator(service);
		if (state.url() == null) {
			return this.states.save(state.recordedFor(service.webhookUrl(), byAnAdministrator));
		}
		return this.states.save(state.pointedAt(service.webhookUrl(), this.feeds.lastSequence(service.id()),
				this.clock.instant(), byAnAdministrator));
	}

	/**
	 * Whether the proof is the service's signature of the address: the signing secret's
	 * holder (the partner; never an administrator, who has no access to configuration)
	 * signed {@code confirm.0.<url>} as a webhook message with id {@code confirm} and
	 * timestamp 0.
	 */
	boolean provesTheSecret(String serviceId, String url, String proof) {
		WebhookSignature signer = this.signers.get(serviceId);
		return signer != null && proof != null && MessageDigest.isEqual(
				signer.sign("confirm", 0, url.getBytes(StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8),
				proof.getBytes(StandardCharsets.UTF_8));
	}

	private WebhookState startingNow(String serviceId) {
		Optional<Service> service = this.registry.registry().service(serviceId);
		return WebhookState.startingAfter(serviceId, service.map(Service::webhookUrl).orElse(null),
				this.feeds.lastSequence(serviceId), this.clock.instant(),
				// a service this instance does not know yet: wait for the partner
				service.map(this::setByAnAdministrator).orElse(true));
	}

	private void deliver(Service service) {
		// a round ends while the lease (renewed before each POST) has more left than a
		// POST can take: no other instance takes over while this one still sends
		Instant roundEnds = this.clock.instant().plus(this.properties.leaseTerm().dividedBy(4));
		Optional<WebhookState> state = atCurrentAddress(service);
		for (int sent = 0; sent < this.properties.batch() && state.isPresent()
				&& state.get().isDue(this.clock.instant()) && this.clock.instant().isBefore(roundEnds)
				&& this.leases.tryAcquire(leaseOf(service), this.properties.leaseTerm()); sent++) {
			WebhookState current = state.get();
			List<FeedEntry> next = this.feeds.after(service.id(), current.deliveredUpTo(), 1);
			if (next.isEmpty()) {
				return;
			}
			FeedEntry entry = next.get(0);
			Optional<String> failure = post(service, entry);
			if (failure.isPresent()) {
				Instant retryAt = this.clock.instant().plusMillis(retryDelay(current.attempts() + 1));
				WebhookState failed = current.failed(failure.get(), retryAt, this.properties.maxAttempts());
				this.states.save(failed);
				if (failed.status() == WebhookState.Status.FAILING) {
					log.warn("Webhook of {} is FAILING after {} attempts: {}", service.id(), failed.attempts(),
							failure.get());
				}
				return;
			}
			// a 2xx acknowledges the entry; first, as it is idempotent: a crash before
			// the position is saved loses no acknowledgement
			this.acknowledgements.acknowledgeDelivered(service.id(), entry);
			// empty when a redelivery came meanwhile: the next round starts from it
			state = this.states.save(current.delivered(entry.sequence(), this.clock.instant()));
		}
	}

	/**
	 * Whether the service's webhook address may have come from an administrator rather
	 * than the registry file: then the partner confirms it first.
	 */
	private boolean setByAnAdministrator(Service service) {
		return this.registry.isAdministered(StoredRegistry.service(service.id()));
	}

	private static String leaseOf(Service service) {
		return "webhook:" + service.id();
	}

	/** The wait before attempt {@code failures + 1}: doubling, with jitter, capped. */
	private long retryDelay(int failures) {
		BackOffExecution execution = this.backOff.start();
		long delay = 0;
		for (int failure = 0; failure < failures; failure++) {
			delay = execution.nextBackOff();
		}
		return Math.max(delay, 0);
	}

	/** POSTs the entry; empty on a 2xx, otherwise why not (for the partner to read). */
	private Optional<String> post(Service service, FeedEntry entry) {
		Optional<String> refused = this.targets.refusal(service.webhookUrl());
		if (refused.isPresent()) {
			return Optional.of("The webhook address is refused: " + refused.get());
		}
		Map<String, Object> event = new LinkedHashMap<>(CloudEvents.envelope(entry.change()));
		// a CloudEvents extension attribute: the entry's feed cursor, for the receiver to
		// acknowledge, redeliver or resume from
		event.put("feedcursor", this.cursors.getObject().cursorOf(entry.sequence()));
		byte[] body = this.json.writeValueAsBytes(event);
		String id = entry.change().id();
		long timestamp = this.clock.instant().getEpochSecond();
		try {
			int status = this.client.post(URI.create(service.webhookUrl()), CLOUD_EVENT,
					Map.of("webhook-id", id, "webhook-timestamp", Long.toString(timestamp), "webhook-signature",
							this.signers.get(service.id()).sign(id, timestamp, body)),
					body);
			return (status / 100 == 2) ? Optional.empty() : Optional.of("HTTP " + status);
		}
		catch (IOException ex) {
			// one message for refused, unreachable and silent: no port scan through it
			return Optional.of("No answer within " + this.properties.timeout().toSeconds() + " s");
		}
		catch (RuntimeException ex) {
			log.warn("Webhook POST to {} failed: {}", service.id(), ex.getClass().getSimpleName());
			return Optional.of("The delivery failed");
		}
	}

}
