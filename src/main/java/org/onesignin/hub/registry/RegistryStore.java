package org.onesignin.hub.registry;

import java.util.Optional;

import org.onesignin.hub.shared.Page;
import org.onesignin.hub.shared.PageRequest;

/**
 * Port: where the registry is kept, as one document written whole and conditionally, so
 * every instance reads one consistent snapshot, and its change log.
 */
public interface RegistryStore {

	/** The stored registry; empty before the first start seeded it. */
	Optional<StoredRegistry> load();

	/**
	 * The registry as the store held it before it was one document (an entry per
	 * document), for the first start to keep what the file no longer names; empty when
	 * there is none.
	 */
	Optional<Registry> former();

	/**
	 * The stored registry's revision, or -1 before the first seed: one small read, made
	 * by every instance every few seconds.
	 */
	long revision();

	/**
	 * Writes {@code next} if the stored revision is still {@code expected} (-1: nothing
	 * stored yet), with the change's log entry in the same write; false, and nothing
	 * written, when another write came first.
	 */
	boolean replace(long expected, StoredRegistry next, Optional<RegistryChange> change);

	/**
	 * Moves the log entries that the registry's writes carried into the change log
	 * (idempotent: an entry moved twice is kept once).
	 */
	void moveChangesToLog();

	/** The change log, oldest first, from the position on. */
	Page<RegistryChange> changes(PageRequest page);

}
