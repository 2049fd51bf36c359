package org.onesignin.hub.account;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

import org.onesignin.hub.shared.BasicDetailField;

/**
 * A partial update of basic details as the caller sent it, not yet validated: a field
 * that is absent stays unchanged, a field present with a {@code null} value is cleared.
 * Values are raw strings, or a {@link PostalAddress} for the postal address.
 */
public record DetailsPatch(Map<BasicDetailField, Object> values) {

	public DetailsPatch {
		EnumMap<BasicDetailField, Object> copy = new EnumMap<>(BasicDetailField.class);
		copy.putAll(values);
		values = Collections.unmodifiableMap(copy);
	}

	public static DetailsPatch empty() {
		return new DetailsPatch(new EnumMap<>(BasicDetailField.class));
	}

	public boolean touches(BasicDetailField field) {
		return this.values.containsKey(field);
	}

}
