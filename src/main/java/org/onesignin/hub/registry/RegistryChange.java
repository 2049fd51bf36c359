package org.onesignin.hub.registry;

import java.time.Instant;
import java.util.List;

import org.onesignin.hub.shared.CallerKind;

/**
 * One change of the registry, as its log keeps it: who, what (the action, the company or
 * service, which of its fields), the registry revision it produced, and when.
 */
public record RegistryChange(String id, long revision, CallerKind actorKind, String actorId, String action,
		String target, List<String> fields, Instant time) {

	public RegistryChange {
		fields = List.copyOf(fields);
	}

}
