package org.onesignin.hub.registry;

import java.util.List;
import java.util.Set;

/**
 * What an administrator's change decided: the registry after it, the entries it touched
 * (keys of {@link StoredRegistry}: the file seeds them no longer), and which fields of
 * its target it changed (for the log).
 */
public record RegistryEdit(Registry registry, Set<String> touched, List<String> fields) {

	public RegistryEdit {
		touched = Set.copyOf(touched);
		fields = List.copyOf(fields);
	}

}
