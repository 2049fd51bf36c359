package org.onesignin.hub.shared.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * The body of every refusal the hub writes outside GraphQL (a filter, a download), in the
 * shape of a GraphQL request error so that a client reads them all alike:
 * {@code {"errors":[{"message":…,"extensions":{"classification":…}}]}}.
 */
public final class ErrorBodies {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private ErrorBodies() {
	}

	/** Writes the refusal as JSON; nothing else may have been written yet. */
	public static void write(HttpServletResponse response, int status, String classification, String message)
			throws IOException {
		write(response, status, MediaType.APPLICATION_JSON, classification, message, Map.of());
	}

	/** Writes the refusal in the given JSON media type, with more extensions. */
	public static void write(HttpServletResponse response, int status, MediaType type, String classification,
			String message, Map<String, Object> more) throws IOException {
		Map<String, Object> extensions = new LinkedHashMap<>();
		extensions.put("classification", classification);
		extensions.putAll(more);
		response.setStatus(status);
		response.setContentType(type.toString());
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		response.getOutputStream()
			.write(JSON
				.writeValueAsBytes(Map.of("errors", List.of(Map.of("message", message, "extensions", extensions)))));
		response.flushBuffer();
	}

}
