package org.onesignin.hub.registry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.onesignin.hub.shared.CallerKind;
import org.onesignin.hub.shared.Outcome;
import org.onesignin.hub.shared.Page;
import org.onesignin.hub.shared.PageRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.Resource;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * The registry: kept in the store, seeded from its YAML file at start-up (entries no
 * administrator has changed take the file's value), changed through {@link #change}, and
 * served from a snapshot that every instance refreshes within
 * {@code hub.registry.refresh-interval} (default 2 s) of a change made on any of them.
 */
@Service
public class RegistryManagement {

	private static final Logger log = LoggerFactory.getLogger(RegistryManagement.class);

	/**
	 * Two administrators' changes at once: each is decided again on the other's result.
	 */
	private static final int ATTEMPTS = 5;

	private final RegistryStore store;

	private final Clock clock;

	private final AtomicReference<StoredRegistry> current;

	/** The account pages' clients: the file's alone, whatever was stored for them. */
	private final Set<String> fileOnlyClients;

	RegistryManagement(RegistryStore store, Clock clock, @Value("${hub.registry.location}") Resource location,
			@Value("${hub.security.account-pages-clients:account-pages}") List<String> accountPagesClients) {
		this.store = store;
		this.clock = clock;
		this.fileOnlyClients = accountPagesClients.stream().map(StoredRegistry::client).collect(Collectors.toSet());
		this.current = new AtomicReference<>(seed(read(location)));
		moveChangesToLog();
	}

	public Registry registry() {
		return this.current.get().registry();
	}

	/**
	 * Whether an administrator changed the entry (a key of {@link StoredRegistry})
	 * through the API, as stored this moment.
	 */
	public boolean isAdministered(String key) {
		return latestStored().administered().contains(key);
	}

	/**
	 * The registry as stored this moment, for a decision that must not rest on this
	 * instance's copy, which may be up to a refresh interval old.
	 */
	public Registry latest() {
		return latestStored().registry();
	}

	private StoredRegistry latestStored() {
		StoredRegistry known = this.current.get();
		if (this.store.revision() == known.revision()) {
			return known;
		}
		Optional<StoredRegistry> stored = this.store.load();
		stored.ifPresent((loaded) -> this.current.compareAndSet(known, loaded));
		return stored.orElse(known);
	}

	/**
	 * Applies an administrator's change, decided on the registry as stored: one
	 * conditional write of the whole registry with its log entry, decided again if
	 * another change came first. The decision's registry must be valid (its constructor
	 * refuses an unknown controller or a client acting for two services). A change that
	 * changes nothing writes nothing.
	 */
	public Outcome<Registry> change(CallerKind actorKind, String actorId, String action, String target,
			Function<Registry, Outcome<RegistryEdit>> decision) {
		for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
			StoredRegistry stored = this.store.load().orElseThrow();
			Outcome<RegistryEdit> decided = decision.apply(stored.registry());
			if (!(decided instanceof Outcome.Done<RegistryEdit> done)) {
				return Outcome.rejected(decided.rejections());
			}
			RegistryEdit edit = done.value();
			if (edit.registry().equals(stored.registry())) {
				return Outcome.done(stored.registry());
			}
			Set<String> administered = new HashSet<>(stored.administered());
			administered.addAll(edit.touched());
			StoredRegistry next = new StoredRegistry(stored.revision() + 1, edit.registry(), administered);
			RegistryChange change = new RegistryChange(UUID.randomUUID().toString(), next.revision(), actorKind,
					actorId, action, target, edit.fields(), edit.before(), edit.after(), this.clock.instant());
			if (this.store.replace(stored.revision(), next, Optional.of(change))) {
				// unless a refresh meanwhile brought a newer one
				this.current.accumulateAndGet(next,
						(held, written) -> (written.revision() > held.revision()) ? written : held);
				moveChangesToLog();
				return Outcome.done(next.registry());
			}
		}
		throw new IllegalStateException("The registry kept changing under an administrator's change");
	}

	/** The change log, oldest first; complete up to the last write of any instance. */
	public Page<RegistryChange> changes(PageRequest page) {
		// a write's entry rides in the registry document until moved: move any left by
		// an instance that stopped between the two
		this.store.moveChangesToLog();
		return this.store.changes(page);
	}

	/**
	 * Picks up a change made on another instance: any other revision than this instance's
	 * (a store restored from a backup goes back in revisions).
	 */
	@Scheduled(fixedDelayString = "${hub.registry.refresh-interval:2s}")
	void refresh() {
		StoredRegistry known = this.current.get();
		if (this.store.revision() != known.revision()) {
			// unless a change made here meanwhile set a newer one
			this.store.load().ifPresent((stored) -> this.current.compareAndSet(known, stored));
		}
	}

	/**
	 * Moves the log entries the registry's writes carried to the change log. A failure
	 * here fails no change: the entry stays in the registry until the next move.
	 */
	private void moveChangesToLog() {
		try {
			this.store.moveChangesToLog();
		}
		catch (RuntimeException ex) {
			log.warn("Registry change log entries stay in the registry until the next move: {}",
					ex.getClass().getSimpleName());
		}
	}

	/**
	 * Writes the file's entries into the stored registry (on the first start: into the
	 * registry the store held before it was one document, if any), unless that changes
	 * nothing.
	 */
	private StoredRegistry seed(Registry file) {
		for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
			Optional<StoredRegistry> stored = this.store.load();
			Optional<StoredRegistry> base;
			try {
				base = stored.or(() -> this.store.former().map((former) -> new StoredRegistry(-1, former, Set.of())))
					.map(this::withoutFileOnlyClients);
			}
			catch (IllegalArgumentException ex) {
				// another instance is moving the former collections into the one document
				// this moment: read again, and find its document
				continue;
			}
			if (attempt == 0) {
				base.map((s) -> s.heldAgainst(file))
					.filter((held) -> !held.isEmpty())
					.ifPresent((held) -> log.warn("The registry file differs from entries an administrator has "
							+ "changed; the administrator's version stays: {}", held));
			}
			Registry seeded;
			try {
				seeded = base.map((s) -> s.seededWith(file)).orElse(file);
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalStateException("The registry file (hub.registry.location) conflicts with the "
						+ "registry an administrator changed: " + ex.getMessage(), ex);
			}
			if (stored.isPresent() && seeded.equals(stored.get().registry())) {
				return stored.get();
			}
			long revision = stored.map(StoredRegistry::revision).orElse(-1L);
			StoredRegistry next = new StoredRegistry(revision + 1, seeded,
					base.map(StoredRegistry::administered).orElse(Set.of()));
			if (this.store.replace(revision, next, Optional.empty())) {
				return next;
			}
		}
		throw new IllegalStateException("The registry kept changing while this instance seeded it");
	}

	private StoredRegistry withoutFileOnlyClients(StoredRegistry stored) {
		Set<String> administered = new HashSet<>(stored.administered());
		administered.removeAll(this.fileOnlyClients);
		return new StoredRegistry(stored.revision(), stored.registry(), administered);
	}

	private static Registry read(Resource location) {
		try {
			List<PropertySource<?>> sources = new YamlPropertySourceLoader().load("registry", location);
			Binder binder = new Binder(ConfigurationPropertySources.from(sources));
			return binder.bind("", RegistryFile.class)
				.orElseThrow(() -> new IllegalStateException("Empty registry file " + location))
				.toRegistry();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read registry file " + location, ex);
		}
	}

}
