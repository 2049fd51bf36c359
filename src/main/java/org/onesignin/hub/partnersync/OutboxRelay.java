package org.onesignin.hub.partnersync;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.onesignin.hub.account.Account;
import org.onesignin.hub.account.AccountId;
import org.onesignin.hub.account.Accounts;
import org.onesignin.hub.account.ChangeHistory;
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
 *
 * <p>
 * A writer waits until its account's outbox is relayed, so the feeds follow at once; but
 * writers do not relay one at a time. Each joins the next <em>pass</em>; whichever writer
 * gets the lock runs the pass for everyone who joined it, with a few store commands
 * whatever their number (one read of the outboxes, one append per pass, one write that
 * empties them), while the next writers gather for the pass after. Under load the cost of
 * a relay is shared by the writers of a pass instead of being paid by each in turn.
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

	/** How long a writer waits for its relay before leaving it to the sweep. */
	private static final long WAIT_SECONDS = 10;

	private final ReentrantLock lock = new ReentrantLock();

	/** The lease epoch this instance relays under (0 before its first run). */
	private long epoch;

	/** The accounts that joined the next pass, and that pass's end. */
	private Pass next = new Pass();

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
			relayInPass(new AccountId(written.ownerId()));
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
				move(pending);
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

	/**
	 * Joins the next pass and returns once it ran: run by this thread when it gets the
	 * lock first, by another writer otherwise. Gives up after {@link #WAIT_SECONDS} (a
	 * stalled store): the outbox keeps the entries and the sweep relays them.
	 */
	private void relayInPass(AccountId accountId) {
		Pass joined;
		synchronized (this) {
			joined = this.next;
			joined.accounts.add(accountId);
		}
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
		try {
			while (!joined.done.isDone()) {
				long left = deadline - System.nanoTime();
				if (left <= 0 || !this.lock.tryLock(left, TimeUnit.NANOSECONDS)) {
					log.warn("Outbox relay busy: an account's changes are left to the sweep");
					return;
				}
				try {
					if (!joined.done.isDone()) {
						runPass();
					}
				}
				finally {
					this.lock.unlock();
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** Runs the next pass (the lock held): relays every account that joined it. */
	private void runPass() {
		Pass pass;
		synchronized (this) {
			pass = this.next;
			this.next = new Pass();
		}
		try {
			runExclusively(() -> move(this.accounts.findPendingOutboxes(pass.accounts)));
		}
		finally {
			pass.done.complete(null);
		}
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

	/** Relays these outboxes: three writes (feeds, history, outboxes) for all of them. */
	private void move(List<Accounts.Outbox> outboxes) {
		if (outboxes.isEmpty()) {
			return;
		}
		ensureLease();
		this.sink.appendAll(outboxes.stream().flatMap((outbox) -> outbox.events().stream()).toList(), this.epoch);
		this.history.saveAll(outboxes.stream().flatMap((outbox) -> outbox.history().stream()).toList());
		this.accounts.removeFromOutboxes(outboxes);
	}

	/** The accounts relayed together, and the end of their relay. */
	private static final class Pass {

		private final Set<AccountId> accounts = new LinkedHashSet<>();

		private final CompletableFuture<Void> done = new CompletableFuture<>();

	}

}
