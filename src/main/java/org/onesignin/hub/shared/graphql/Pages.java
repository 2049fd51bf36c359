package org.onesignin.hub.shared.graphql;

import java.util.function.Function;

import org.onesignin.hub.shared.BadRequestException;
import org.onesignin.hub.shared.Page;
import org.onesignin.hub.shared.PageRequest;
import org.springframework.data.domain.KeysetScrollPosition;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Window;
import org.springframework.graphql.data.query.ScrollSubrange;

/**
 * Relay connections at the GraphQL edge: a {@link ScrollSubrange} becomes the hub's
 * {@link PageRequest}, and a {@link Page} the {@link Window} Spring for GraphQL renders
 * as a connection.
 */
public final class Pages {

	private Pages() {
	}

	public static PageRequest request(ScrollSubrange subrange, int maxPageSize) {
		int size = size(subrange, maxPageSize);
		ScrollPosition position = subrange.position().orElse(ScrollPosition.keyset());
		if (!(position instanceof KeysetScrollPosition keyset)) {
			throw new BadRequestException("Not a valid cursor");
		}
		return PageRequest.after(keyset.getKeys(), size);
	}

	/**
	 * How many items the caller asks for: {@code first} must be 1 to the maximum (0 or a
	 * negative number is not "no limit"), a BAD_REQUEST otherwise.
	 */
	public static int size(ScrollSubrange subrange, int maxPageSize) {
		int size = subrange.count().orElse(maxPageSize);
		if (size < 1 || size > maxPageSize) {
			throw new BadRequestException("first must be between 1 and " + maxPageSize);
		}
		return size;
	}

	public static <T, R> Window<R> window(Page<T> page, Function<? super T, ? extends R> mapper) {
		return Window.from(page.items().stream().<R>map(mapper).toList(),
				(index) -> ScrollPosition.forward(page.positions().get(index).keys()), page.hasNext());
	}

}
