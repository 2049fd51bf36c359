package org.onesignin.hub.partnersync;

import java.util.List;
import java.util.Map;

import org.onesignin.hub.shared.Page;
import org.onesignin.hub.shared.PageRequest;

/**
 * Port: every service's change feed, append-only and gap-free in sequence order.
 */
public interface ServiceChangeFeeds {

	Page<FeedEntry> page(String serviceId, PageRequest page);

	/** Whether the service's feed holds an entry at that sequence. */
	boolean contains(String serviceId, long sequence);

	/**
	 * For each account, the highest revision among the service's entries in (after,
	 * upTo].
	 */
	Map<String, Integer> latestRevisions(String serviceId, long after, long upTo);

	/** The sequence the service has acknowledged up to, 0 when none. */
	long acknowledgedUpTo(String serviceId);

	void recordAcknowledged(String serviceId, long upTo);

	/** Every entry of a service, in feed order (test and export support). */
	List<FeedEntry> all(String serviceId);

	/**
	 * Up to {@code limit} entries of a service after a sequence, in order (live
	 * subscriptions).
	 */
	List<FeedEntry> after(String serviceId, long sequence, int limit);

	/** The service's highest sequence so far, 0 when its feed is empty. */
	long lastSequence(String serviceId);

	/**
	 * The entries about an account in every service's feed, by service then feed order,
	 * from the position on (data export).
	 */
	Page<FeedEntry> pageForAccount(String accountId, PageRequest page);

	/**
	 * Removes the person's details from the account's entries (erasure); the entries stay
	 * as a trail.
	 */
	void eraseData(String accountId);

}
