package org.onesignin.hub.registry;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.onesignin.hub.shared.CallerKind;

/**
 * One change of the registry, as its log keeps it: who, what (the action, the company or
 * service, which of its fields, with their values before and after), the registry
 * revision it produced, and when. The values make the log answer where a webhook pointed
 * or which redirect URIs a client had at any time.
 */
public record RegistryChange(String id, long revision, CallerKind actorKind, String actorId, String action,
		String target, List<String> fields, Map<String, Object> before, Map<String, Object> after, Instant time) {

	public RegistryChange {
		fields = List.copyOf(fields);
		before = (before != null) ? before : Map.of();
		after = (after != null) ? after : Map.of();
	}

}
