package org.onesignin.hub.mail;

import java.util.Map;
import java.util.Objects;

/**
 * One mail the hub sends a person: what kind, to whom, in which language, and the values
 * it names.
 */
public record Mail(MailKind kind, String to, String language, Map<String, String> values) {

	public Mail {
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(to, "to");
		// a value left out and a value given as null are the same: absent
		Map<String, String> given = new java.util.HashMap<>(values);
		given.values().removeIf(java.util.Objects::isNull);
		values = Map.copyOf(given);
	}

}
