package org.onesignin.hub.partnersync;

import java.time.Clock;
import java.util.Optional;

import org.onesignin.hub.access.AccessPolicy;
import org.onesignin.hub.access.AccessRequest;
import org.onesignin.hub.access.Operation;
import org.onesignin.hub.registry.RegistryManagement;
import org.onesignin.hub.registry.Service;
import org.onesignin.hub.shared.Caller;
import org.onesignin.hub.shared.Outcome;
import org.onesignin.hub.shared.Rejection;
import org.onesignin.hub.shared.SignedIn;

/**
 * What a partner sees of its service's webhook delivery, and asking for entries to be
 * delivered again.
 */
@org.springframework.stereotype.Service
@SignedIn
public class WebhookManagement {

	/** The longest webhook address the registry takes. */
	private static final int MAX_URL = 2000;

	/** A proof is a webhook-signature value: "v1," and 44 characters of base64. */
	private static final int MAX_PROOF = 100;

	private final AccessPolicy policy;

	private final RegistryManagement registry;

	private final WebhookDelivery delivery;

	private final WebhookStates states;

	private final ServiceChangeFeeds feeds;

	private final Clock clock;

	WebhookManagement(AccessPolicy policy, RegistryManagement registry, WebhookDelivery delivery, WebhookStates states,
			ServiceChangeFeeds feeds, Clock clock) {
		this.policy = policy;
		this.registry = registry;
		this.delivery = delivery;
		this.states = states;
		this.feeds = feeds;
		this.clock = clock;
	}

	/** The service's webhook: its address and delivery state; empty without a webhook. */
	public Optional<Webhook> webhook(Caller caller, String serviceId) {
		this.policy.authorize(AccessRequest.of(caller, Operation.READ_SERVICE_WEBHOOK).forService(serviceId));
		return this.registry.latest()
			.service(serviceId)
			.filter(this.delivery::isConfigured)
			.map((service) -> new Webhook(service.webhookUrl(), this.delivery.currentState(serviceId)));
	}

	/**
	 * Delivers the service's feed again from the entry at {@code from} (inclusive), at
	 * once, also after the delivery was FAILING.
	 */
	public Outcome<Webhook> redeliver(Caller caller, String serviceId, Long from) {
		this.policy.authorize(AccessRequest.of(caller, Operation.REDELIVER_SERVICE_CHANGES).forService(serviceId));
		// the address as stored now: the redelivery goes there, whatever this instance's
		// copy of the registry still says
		Optional<Service> service = this.registry.latest().service(serviceId).filter(this.delivery::isConfigured);
		if (service.isEmpty()) {
			return Outcome.rejected(Rejection.invalid("serviceId", "This service has no webhook"));
		}
		if (from == null || !this.feeds.contains(serviceId, from)) {
			return Outcome.rejected(Rejection.invalid("from", "Must be a cursor from this service's feed"));
		}
		// a delivery round may save meanwhile: read again and ask again (a round saves a
		// few times a second at most)
		for (int attempt = 0; attempt < 10; attempt++) {
			Optional<WebhookState> current = this.delivery.atCurrentAddress(service.get());
			if (current.isEmpty()) {
				continue;
			}
			if (current.get().status() == WebhookState.Status.AWAITING_CONFIRMATION) {
				// a redelivery would send the feed's past to an address nobody confirmed
				return Outcome.rejected(Rejection.invalid("serviceId",
						"The webhook's address waits for your confirmation: confirmServiceWebhook first"));
			}
			Optional<WebhookState> saved = this.states
				.save(current.get().redeliverAfter(from - 1, service.get().webhookUrl(), this.clock.instant()));
			if (saved.isPresent()) {
				return Outcome.done(new Webhook(service.get().webhookUrl(), saved.get()));
			}
		}
		throw new IllegalStateException("The webhook of " + serviceId + " changed ten times in a row");
	}

	/**
	 * The partner confirms the address its webhook now has: it names it and proves it
	 * holds the webhook's signing secret. Deliveries to it start with the entries since
	 * the delivery took the address. An address that is not the registry's, or a wrong
	 * proof, is refused.
	 */
	public Outcome<Webhook> confirm(Caller caller, String serviceId, String url, String proof) {
		this.policy.authorize(AccessRequest.of(caller, Operation.CONFIRM_SERVICE_WEBHOOK).forService(serviceId));
		Optional<Service> service = this.registry.latest().service(serviceId).filter(this.delivery::isConfigured);
		if (service.isEmpty()) {
			return Outcome.rejected(Rejection.invalid("serviceId", "This service has no webhook"));
		}
		if (url == null || url.length() > MAX_URL || !service.get().webhookUrl().equals(url)) {
			return Outcome.rejected(Rejection.invalid("url", "Is not the address the registry gives the webhook"));
		}
		if (proof != null && proof.length() > MAX_PROOF) {
			return Outcome.rejected(Rejection.invalid("proof", "Must be at most " + MAX_PROOF + " characters"));
		}
		if (!this.delivery.provesTheSecret(serviceId, url, proof)) {
			return Outcome.rejected(Rejection.invalid("proof",
					"Must be the webhook signature of confirm.0.<url> (id confirm, timestamp 0) with its secret"));
		}
		for (int attempt = 0; attempt < 10; attempt++) {
			Optional<WebhookState> current = this.delivery.atCurrentAddress(service.get());
			if (current.isEmpty()) {
				continue;
			}
			WebhookState confirmed = current.get().confirmed(this.clock.instant());
			if (confirmed == current.get()) {
				return Outcome.done(new Webhook(url, confirmed));
			}
			Optional<WebhookState> saved = this.states.save(confirmed);
			if (saved.isPresent()) {
				return Outcome.done(new Webhook(url, saved.get()));
			}
		}
		throw new IllegalStateException("The webhook of " + serviceId + " changed ten times in a row");
	}

	/**
	 * Why the hub would not deliver the service's feed to this address (no signing secret
	 * configured for the service, or a target the hub refuses), or empty when it would.
	 */
	public Optional<String> refusalOf(String serviceId, String url) {
		return this.delivery.refusalOf(serviceId, url);
	}

	/** A service's webhook address and where its delivery stands. */
	public record Webhook(String url, WebhookState state) {
	}

}
