package org.onesignin.hub.shared;

import java.util.Map;

/**
 * Which page of a list a caller asks for: the position of the last item it saw (none for
 * the first page) and how many items at most.
 */
public record PageRequest(PagePosition after, int size) {

	public static PageRequest first(int size) {
		return new PageRequest(null, size);
	}

	public static PageRequest after(Map<String, Object> keys, int size) {
		return new PageRequest((keys == null || keys.isEmpty()) ? null : new PagePosition(keys), size);
	}

}
