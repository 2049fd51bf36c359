package org.onesignin.hub.partnersync;

import java.util.Map;

import org.onesignin.hub.account.AccountId;
import org.onesignin.hub.account.Accounts;
import org.springframework.stereotype.Component;

/**
 * A service's feed applied: up to an entry, as the service says itself
 * ({@code acknowledgeServiceChanges}), or one entry its webhook answered 2xx. Every
 * account's link records the highest revision acknowledged; idempotent, and an earlier
 * position changes nothing.
 */
@Component
class Acknowledgements {

	private final ServiceChangeFeeds feeds;

	private final Accounts accounts;

	Acknowledgements(ServiceChangeFeeds feeds, Accounts accounts) {
		this.feeds = feeds;
		this.accounts = accounts;
	}

	/**
	 * A webhook's 2xx for one entry: that entry's account is in sync up to its revision.
	 * Only that entry: entries before it (before the webhook started, or skipped by a
	 * redelivery) were not delivered by this webhook, so the service's own acknowledged
	 * position does not move.
	 */
	void acknowledgeDelivered(String serviceId, FeedEntry entry) {
		this.accounts.acknowledge(new AccountId(entry.change().accountId()), serviceId, entry.change().revision());
	}

	/**
	 * Records the feed applied up to the entry at {@code upTo}; answers the position
	 * since.
	 */
	long acknowledge(String serviceId, long upTo) {
		long previous = this.feeds.acknowledgedUpTo(serviceId);
		if (upTo > previous) {
			Map<String, Integer> revisions = this.feeds.latestRevisions(serviceId, previous, upTo);
			revisions.forEach(
					(accountId, revision) -> this.accounts.acknowledge(new AccountId(accountId), serviceId, revision));
			this.feeds.recordAcknowledged(serviceId, upTo);
		}
		return Math.max(previous, upTo);
	}

}
