package org.onesignin.hub.partnersync;

import org.onesignin.hub.access.AccessPolicy;
import org.onesignin.hub.access.AccessRequest;
import org.onesignin.hub.access.Operation;
import org.onesignin.hub.shared.Caller;
import org.onesignin.hub.shared.Outcome;
import org.onesignin.hub.shared.Page;
import org.onesignin.hub.shared.PageRequest;
import org.onesignin.hub.shared.Rejection;
import org.onesignin.hub.shared.SignedIn;
import org.springframework.stereotype.Service;

/**
 * Application service for a partner service's side of propagation: reading its change
 * feed and acknowledging what it applied, which moves each link's sync state.
 */
@Service
@SignedIn
public class PartnerSyncManagement {

	private final ServiceChangeFeeds feeds;

	private final AccessPolicy policy;

	private final Acknowledgements acknowledgements;

	PartnerSyncManagement(ServiceChangeFeeds feeds, AccessPolicy policy, Acknowledgements acknowledgements) {
		this.feeds = feeds;
		this.policy = policy;
		this.acknowledgements = acknowledgements;
	}

	/**
	 * The service's feed, oldest first; only the service itself (its partner token) reads
	 * it.
	 */
	public Page<FeedEntry> changes(Caller caller, String serviceId, PageRequest page) {
		this.policy.authorize(AccessRequest.of(caller, Operation.READ_SERVICE_CHANGES).forService(serviceId));
		return this.feeds.page(serviceId, page);
	}

	/**
	 * Marks the service's feed applied up to and including the entry at {@code upTo}:
	 * every account's link records the highest revision acknowledged. Idempotent;
	 * acknowledging an earlier position later changes nothing.
	 */
	public Outcome<Long> acknowledge(Caller caller, String serviceId, Long upTo) {
		this.policy.authorize(AccessRequest.of(caller, Operation.ACKNOWLEDGE_SERVICE_CHANGES).forService(serviceId));
		if (upTo == null || !this.feeds.contains(serviceId, upTo)) {
			return Outcome.rejected(Rejection.invalid("upTo", "Must be a cursor from this service's feed"));
		}
		return Outcome.done(this.acknowledgements.acknowledge(serviceId, upTo));
	}

}
