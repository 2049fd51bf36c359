package org.onesignin.hub.partnersync.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.onesignin.hub.account.ServiceChange;
import org.onesignin.hub.partnersync.FeedEntry;
import org.onesignin.hub.shared.CallerKind;
import org.onesignin.hub.shared.ChangeOrigin;
import org.onesignin.hub.support.HubIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Rule 4's ordering guarantee with two relays: one stalls past its lease while another
 * takes over. The stalled relay's late appends are refused, the sequence it took is
 * closed, and a reader never finds a new entry at or before a cursor it already passed.
 */
@TestPropertySource(properties = "hub.relay.interval=1h")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FeedFencingIntegrationTests extends HubIntegrationTest {

	static final String SERVICE = "fencing-test-service";

	@Autowired
	MongoServiceChangeFeeds feeds;

	@Test
	@Order(1)
	void keepsTheFeedAppendOnlyInCursorOrderWhenARelayStallsPastItsLease() {
		this.feeds.takeOver(100);
		ServiceChange first = change("first");
		this.feeds.append(first, 100);
		ServiceChange stalled = change("stalled");
		long taken = this.feeds.allocate(SERVICE, 100);

		this.feeds.takeOver(101);
		ServiceChange next = change("next");
		this.feeds.append(next, 101);
		List<String> seenBeforeTheLateAppend = ids(this.feeds.all(SERVICE));

		assertThatThrownBy(() -> this.feeds.insertAt(stalled, taken, 100))
			.isInstanceOf(MongoServiceChangeFeeds.FencedException.class);
		assertThatThrownBy(() -> this.feeds.append(stalled, 100))
			.isInstanceOf(MongoServiceChangeFeeds.FencedException.class);
		this.feeds.append(stalled, 101);

		List<FeedEntry> feed = this.feeds.all(SERVICE);
		assertThat(seenBeforeTheLateAppend).containsExactly(first.id(), next.id());
		assertThat(ids(feed)).containsExactly(first.id(), next.id(), stalled.id());
		assertThat(feed).extracting(FeedEntry::sequence).isSorted().doesNotHaveDuplicates();
		assertThat(feed.get(2).sequence()).isGreaterThan(feed.get(1).sequence());
		assertThat(this.feeds.after(SERVICE, feed.get(1).sequence(), 10)).extracting((e) -> e.change().id())
			.containsExactly(stalled.id());
	}

	/** After the test above: its epochs are lower. */
	@Test
	@Order(2)
	void appendsABatchInEachServicesOrderOnceAndIsFencedLikeOneAppend() {
		String other = SERVICE + "-other";
		this.feeds.takeOver(200);
		ServiceChange a1 = change("a1");
		ServiceChange b1 = change("b1", other);
		ServiceChange a2 = change("a2");
		this.feeds.appendAll(List.of(a1, b1, a2), 200);
		// a batch repeated after a crash: what is there stays once, the rest is appended
		ServiceChange a3 = change("a3");
		this.feeds.appendAll(List.of(a1, b1, a2, a3), 200);

		this.feeds.takeOver(201);
		ServiceChange late = change("late");
		assertThatThrownBy(() -> this.feeds.appendAll(List.of(late), 200))
			.isInstanceOf(MongoServiceChangeFeeds.FencedException.class);
		this.feeds.appendAll(List.of(late), 201);

		List<FeedEntry> feed = this.feeds.all(SERVICE);
		assertThat(ids(feed)).endsWith(a1.id(), a2.id(), a3.id(), late.id());
		assertThat(feed).extracting(FeedEntry::sequence).isSorted().doesNotHaveDuplicates();
		assertThat(ids(this.feeds.all(other))).containsExactly(b1.id());
	}

	private static List<String> ids(List<FeedEntry> entries) {
		return entries.stream().map((e) -> e.change().id()).toList();
	}

	private static ServiceChange change(String name) {
		return change(name, SERVICE);
	}

	private static ServiceChange change(String name, String service) {
		return new ServiceChange(UUID.randomUUID().toString(), ServiceChange.DETAILS_CHANGED, "account-" + name,
				service, "sa-" + name, 1, Instant.now(), List.of(), Map.of("givenName", name),
				new ChangeOrigin(CallerKind.USER, "account-" + name, "c", null, null));
	}

}
