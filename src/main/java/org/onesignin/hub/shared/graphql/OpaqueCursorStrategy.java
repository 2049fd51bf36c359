package org.onesignin.hub.shared.graphql;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

import org.onesignin.hub.shared.BadRequestException;
import org.springframework.data.domain.KeysetScrollPosition;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.graphql.data.pagination.CursorStrategy;

/**
 * Relay cursors for keyset positions (every connection of the hub pages by keys) as
 * opaque URL-safe strings. Unlike the default JSON strategy they carry no Java class
 * names, and a cursor that is not ours becomes a BAD_REQUEST ("not a valid cursor")
 * rather than an internal error.
 */
class OpaqueCursorStrategy implements CursorStrategy<ScrollPosition> {

	private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

	private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

	@Override
	public boolean supports(Class<?> targetType) {
		return ScrollPosition.class.isAssignableFrom(targetType);
	}

	@Override
	public String toCursor(ScrollPosition position) {
		if (!(position instanceof KeysetScrollPosition keyset)) {
			throw new IllegalArgumentException("Unsupported scroll position " + position.getClass().getSimpleName());
		}
		StringJoiner keys = new StringJoiner("&", "k|", "");
		keyset.getKeys().forEach((name, value) -> keys.add(encode(name) + "=" + encode(typed(value))));
		return ENCODER.encodeToString(keys.toString().getBytes(StandardCharsets.UTF_8));
	}

	@Override
	public ScrollPosition fromCursor(String cursor) {
		try {
			String text = new String(DECODER.decode(cursor), StandardCharsets.UTF_8);
			if (text.startsWith("k|")) {
				Map<String, Object> keys = new LinkedHashMap<>();
				for (String pair : text.substring(2).split("&")) {
					int equals = pair.indexOf('=');
					keys.put(decode(pair.substring(0, equals)), untyped(decode(pair.substring(equals + 1))));
				}
				return ScrollPosition.forward(keys);
			}
		}
		catch (RuntimeException ex) {
			// falls through: not one of our cursors
		}
		throw new BadRequestException("Not a valid cursor");
	}

	private static String typed(Object value) {
		if (value instanceof Long) {
			return "L:" + value;
		}
		if (value instanceof Integer) {
			return "I:" + value;
		}
		if (value instanceof Instant) {
			return "T:" + value;
		}
		if (value instanceof java.util.Date date) {
			return "T:" + date.toInstant();
		}
		return "S:" + value;
	}

	private static Object untyped(String value) {
		String payload = value.substring(2);
		return switch (value.charAt(0)) {
			case 'L' -> Long.parseLong(payload);
			case 'I' -> Integer.parseInt(payload);
			case 'T' -> Instant.parse(payload);
			case 'S' -> payload;
			default -> throw new IllegalArgumentException("Unknown cursor value type");
		};
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

	private static String decode(String text) {
		return URLDecoder.decode(text, StandardCharsets.UTF_8);
	}

}
