package org.onesignin.hub.registry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * What an administrator's change decided: the registry after it, the entries whose value
 * it changed (keys of {@link StoredRegistry}: the file seeds them no longer), and its
 * target's fields before and after (only those that changed), for the change log.
 */
public record RegistryEdit(Registry registry, Set<String> touched, Map<String, Object> before,
		Map<String, Object> after) {

	public RegistryEdit {
		touched = Set.copyOf(touched);
		before = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(before));
		after = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(after));
	}

	/**
	 * The edit of a target whose fields read {@code was} before (empty for a new one) and
	 * {@code is} after: only the fields whose value differs are kept.
	 */
	public static RegistryEdit of(Registry registry, Set<String> touched, Map<String, Object> was,
			Map<String, Object> is) {
		Map<String, Object> before = new LinkedHashMap<>();
		Map<String, Object> after = new LinkedHashMap<>();
		Set<String> names = new TreeSet<>(was.keySet());
		names.addAll(is.keySet());
		for (String name : names) {
			if (!Objects.equals(was.get(name), is.get(name))) {
				if (was.get(name) != null) {
					before.put(name, was.get(name));
				}
				if (is.get(name) != null) {
					after.put(name, is.get(name));
				}
			}
		}
		return new RegistryEdit(registry, touched, before, after);
	}

	/** The names of the fields the edit changed. */
	public List<String> fields() {
		Set<String> names = new TreeSet<>(this.before.keySet());
		names.addAll(this.after.keySet());
		return new ArrayList<>(names);
	}

}
