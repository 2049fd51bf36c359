package org.onesignin.hub.partnersync;

import org.onesignin.hub.account.AccountErasureRequested;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * On erasure, removes the person's details from the events kept in the feeds.
 */
@Component
class FeedErasure {

	private final ServiceChangeFeeds feeds;

	FeedErasure(ServiceChangeFeeds feeds) {
		this.feeds = feeds;
	}

	@EventListener
	void on(AccountErasureRequested event) {
		this.feeds.eraseData(event.accountId().value());
	}

}
