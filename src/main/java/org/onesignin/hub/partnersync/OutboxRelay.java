package org.onesignin.hub.partnersync;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.onesignin.hub.account.Account;
import org.onesignin.hub.account.AccountId;
import org.onesignin.hub.account.Accounts;
import org.onesignin.hub.account.ChangeHistory;
import org.onesignin.hub.account.ChangeHistoryEntry;
import org.onesignin.hub.account.ServiceChange;
import org.onesignin.hub.account.ServiceChangeOutbox;
import org.onesignin.hub.account.ServiceChangesWritten;
import org.onesignin.hub.shared.Leases;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Moves events and history entries from accounts' outboxes to the service feeds and the
 * change history. Each step is idempotent (entries keep their ids), so a crash between
 * any two steps is repaired by the next run without loss or visible duplicates. One relay
 * runs at a time across all hub instances (a lease in the store) and within this instance
 * (a lock), which keeps every feed append-only in cursor order.
 */
@Component
public class OutboxRelay {

	static final String LEASE = "outbox-relay";

	private static final int BATCH = 100;

	private static final Duration LEASE_TERM = Duration.ofSeconds(30);

	private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

	private final Accounts accounts;

	private final ServiceChangeSink sink;

	private final ChangeHistory history;

	private final Leases leases;

	private final List<ServiceChangeOutbox> otherOutboxes;

	private final ReentrantLock lock = new ReentrantLock();

	/** The lease epoch this instance relays under (0 before its first run). */
	private long epoch;

	public OutboxRelay(Accounts accounts, ServiceChangeSink sink, ChangeHistory history, Leases leases,
			List<ServiceChangeOutbox> otherOutboxes) {
		this.accounts = accounts;
		this.sink = sink;
		this.history = history;
		this.leases = leases;
		this.otherOutboxes = List.copyOf(otherOutboxes);
	}

	/**
	 * Relays one owner's outbox right after a change was written, in the writer's thread,
	 * so feeds follow at once.
	 */
	@EventListener
	public void relay(ServiceChangesWritten written) {
		if (written.outbox() == null) {
			runExclusively(
					() -> this.accounts.findPendingOutbox(new AccountId(written.ownerId())).ifPresent(this::move));
		}
		else {
			this.otherOutboxes.stream()
				.filter((outbox) -> outbox.name().equals(written.outbox()))
				.forEach((outbox) -> runExclusively(
						() -> outbox.pending(written.ownerId()).ifPresent((pending) -> move(outbox, pending))));
		}
	}

	/** Sweeps every outbox left behind (a crash, another instance holding the lease). */
	@Scheduled(fixedDelayString = "${hub.relay.interval:1s}")
	public void relayAll() {
		runExclusively(() -> {
			List<Accounts.Outbox> pending;
			do {
				pending = this.accounts.findPendingOutboxes(BATCH);
				pending.forEach(this::move);
			}
			while (pending.size() == BATCH);
			for (ServiceChangeOutbox outbox : this.otherOutboxes) {
				List<ServiceChangeOutbox.Pending> others;
				do {
					others = outbox.pending(BATCH);
					others.forEach((p) -> move(outbox, p));
				}
				while (others.size() == BATCH);
			}
		});
	}

	private void move(ServiceChangeOutbox outbox, ServiceChangeOutbox.Pending pending) {
		ensureLease();
		// another module's events were decided against a snapshot of the links: a service
		// whose link was cancelled since then gets nothing more after its CANCELLED event
		Account account = this.accounts.findById(new AccountId(pending.ownerId())).orElse(null);
		pending.events()
			.stream()
			.filter((event) -> account != null && account.activeLink(event.serviceId()).isPresent())
			.forEach((event) -> this.sink.append(event, this.epoch));
		outbox.remove(pending.ownerId(), pending.events().stream().map(ServiceChange::id).toList());
	}

	private void runExclusively(Runnable work) {
		this.lock.lock();
		try {
			java.util.OptionalLong acquired = this.leases.acquire(LEASE, LEASE_TERM);
			if (acquired.isEmpty()) {
				return;
			}
			if (acquired.getAsLong() != this.epoch) {
				this.sink.takeOver(acquired.getAsLong());
				this.epoch = acquired.getAsLong();
			}
			work.run();
		}
		catch (RuntimeException ex) {
			// the outbox keeps what was not moved; the next sweep retries it
			log.warn("Outbox relay interrupted: {}", ex.getClass().getSimpleName());
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Renews the lease before every move and stops when it was lost, so a relay that
	 * stalled past its lease does not keep appending beside the instance that took over.
	 * (A stall between this check and an append that outlasts half the lease term can
	 * still interleave two relays; the lease is 30 s.)
	 */
	private void ensureLease() {
		if (!this.leases.tryAcquire(LEASE, LEASE_TERM)) {
			throw new IllegalStateException("Outbox relay lease lost");
		}
	}

	private void move(Accounts.Outbox outbox) {
		ensureLease();
		outbox.events().forEach((event) -> this.sink.append(event, this.epoch));
		this.history.saveAll(outbox.history());
		this.accounts.removeFromOutbox(outbox.accountId(), outbox.events().stream().map(ServiceChange::id).toList(),
				outbox.history().stream().map(ChangeHistoryEntry::id).toList());
	}

}
