package org.onesignin.hub.partnersync;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.onesignin.hub.account.AccountId;
import org.onesignin.hub.account.Accounts;
import org.onesignin.hub.account.ServiceChange;
import org.onesignin.hub.support.HubIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rule 4, reliability: the process "dies" between steps of propagation (simulated by a
 * feed that fails before or right after appending); the change and its events are kept in
 * the account's outbox, and the next relay run delivers each event exactly once.
 */
@TestPropertySource(properties = "hub.relay.interval=1h")
class OutboxRelayIntegrationTests extends HubIntegrationTest {

	@Autowired
	OutboxRelay relay;

	@Autowired
	Accounts accounts;

	@Autowired
	ServiceChangeFeeds feeds;

	@Autowired
	CrashingSink crashes;

	@Test
	void deliversAnEventWhoseRelayDiedBeforeAppending() {
		String id = registerThrough("sony-music");
		this.crashes.next.set(Crash.BEFORE_APPEND);

		changeGivenName(id, "Before");

		assertThat(eventsFor(id)).extracting(FeedEntry::change)
			.extracting(ServiceChange::type)
			.containsExactly(ServiceChange.LINKED);
		assertThat(this.accounts.findPendingOutboxes(List.of(new AccountId(id)))).hasSize(1);

		this.relay.relayAll();

		assertThat(eventsFor(id)).extracting(FeedEntry::change)
			.extracting(ServiceChange::type)
			.containsExactly(ServiceChange.LINKED, ServiceChange.DETAILS_CHANGED);
		assertThat(this.accounts.findPendingOutboxes(List.of(new AccountId(id)))).isEmpty();
	}

	@Test
	void keepsOneCopyOfAnEventWhoseRelayDiedAfterAppending() {
		String id = registerThrough("sony-music");
		this.crashes.next.set(Crash.AFTER_APPEND);

		changeGivenName(id, "After");
		this.relay.relayAll();
		this.relay.relayAll();

		List<FeedEntry> events = eventsFor(id);
		assertThat(events).extracting(FeedEntry::change)
			.extracting(ServiceChange::type)
			.containsExactly(ServiceChange.LINKED, ServiceChange.DETAILS_CHANGED);
		assertThat(events).extracting(FeedEntry::sequence).isSorted().doesNotHaveDuplicates();
		assertThat(this.accounts.findPendingOutboxes(List.of(new AccountId(id)))).isEmpty();
	}

	private void changeGivenName(String id, String name) {
		asAccountHolder(id).documentName("account-pages/updateMyBasicDetails")
			.variable("input", Map.of("expectedRevision", revisionOf(id), "givenName", name))
			.execute()
			.path("updateBasicDetails.errors")
			.entityList(Object.class)
			.hasSize(0);
	}

	private List<FeedEntry> eventsFor(String accountId) {
		return this.feeds.all("sony-music").stream().filter((e) -> e.change().accountId().equals(accountId)).toList();
	}

	enum Crash {

		BEFORE_APPEND, AFTER_APPEND

	}

	/**
	 * The real feed, which fails once, at the armed step, the way a dying process would.
	 */
	static class CrashingSink implements ServiceChangeSink {

		final AtomicReference<Crash> next = new AtomicReference<>();

		private final ServiceChangeSink feed;

		CrashingSink(ServiceChangeSink feed) {
			this.feed = feed;
		}

		@Override
		public void append(ServiceChange change, long epoch) {
			if (this.next.compareAndSet(Crash.BEFORE_APPEND, null)) {
				throw new IllegalStateException("simulated crash before append");
			}
			this.feed.append(change, epoch);
			if (this.next.compareAndSet(Crash.AFTER_APPEND, null)) {
				throw new IllegalStateException("simulated crash after append");
			}
		}

		@Override
		public void appendAll(List<ServiceChange> changes, long epoch) {
			if (this.next.compareAndSet(Crash.BEFORE_APPEND, null)) {
				throw new IllegalStateException("simulated crash before append");
			}
			this.feed.appendAll(changes, epoch);
			if (this.next.compareAndSet(Crash.AFTER_APPEND, null)) {
				throw new IllegalStateException("simulated crash after append");
			}
		}

		@Override
		public void takeOver(long epoch) {
			this.feed.takeOver(epoch);
		}

	}

	@TestConfiguration
	static class CrashingSinkConfiguration {

		@Bean
		@Primary
		CrashingSink crashingSink(List<ServiceChangeSink> sinks) {
			return new CrashingSink(
					sinks.stream().filter((s) -> !(s instanceof CrashingSink)).findFirst().orElseThrow());
		}

	}

}
