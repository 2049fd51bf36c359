package org.onesignin.hub.account;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Port: an outbox of service changes kept by another module inside its own documents
 * (written atomically with that module's change); the partner-sync relay drains it into
 * the feeds exactly like the accounts' own outbox.
 */
public interface ServiceChangeOutbox {

	/** The outbox's name, by which a {@link ServiceChangesWritten} event names it. */
	String name();

	List<Pending> pending(int limit);

	Optional<Pending> pending(String ownerId);

	void remove(String ownerId, Collection<String> eventIds);

	/** The unrelayed events of one owner document, in the order they were written. */
	record Pending(String ownerId, List<ServiceChange> events) {
	}

}
