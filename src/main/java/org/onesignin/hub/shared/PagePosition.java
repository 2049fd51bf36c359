package org.onesignin.hub.shared;

import java.util.Map;

/**
 * Where an item stands in a list's stable order: the values of its sort keys. Callers see
 * it only as an opaque cursor.
 */
public record PagePosition(Map<String, Object> keys) {

	public PagePosition {
		keys = Map.copyOf(keys);
	}

}
