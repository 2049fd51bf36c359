package org.onesignin.hub.shared;

import java.util.List;
import java.util.Map;

/**
 * A business refusal: a stable code, the path of the input field at fault (empty when the
 * refusal concerns the whole request), a human-readable message, and details a client
 * needs to act (for example the current revision).
 */
public record Rejection(UserErrorCode code, List<String> field, String message, Map<String, Object> details) {

	public Rejection {
		field = List.copyOf(field);
		details = Map.copyOf(details);
	}

	public static Rejection of(UserErrorCode code, String message) {
		return new Rejection(code, List.of(), message, Map.of());
	}

	/**
	 * A validation failure of the input field at the dotted path (for example
	 * {@code basicDetails.phone}).
	 */
	public static Rejection invalid(String path, String message) {
		return onField(UserErrorCode.VALIDATION, path, message);
	}

	public static Rejection onField(UserErrorCode code, String path, String message) {
		List<String> field = new java.util.ArrayList<>();
		field.add("input");
		field.addAll(List.of(path.split("\\.")));
		return new Rejection(code, field, message, Map.of());
	}

	public Rejection with(String key, Object value) {
		var copy = new java.util.HashMap<>(this.details);
		copy.put(key, value);
		return new Rejection(this.code, this.field, this.message, copy);
	}

}
