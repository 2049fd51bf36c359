package org.onesignin.hub.shared.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.onesignin.hub.shared.BadRequestException;
import org.onesignin.hub.shared.Page;
import org.onesignin.hub.shared.PagePosition;
import org.onesignin.hub.shared.PageRequest;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.data.domain.KeysetScrollPosition;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Window;

/**
 * Keyset scrolling in the adapters, between the hub's {@link PageRequest}/{@link Page}
 * and Spring Data's {@link ScrollPosition}/{@link Window}. A cursor that does not fit the
 * query (a cursor of another list, or one missing a sort key) is the caller's mistake,
 * reported as BAD_REQUEST, not an internal error.
 */
public final class Cursors {

	private Cursors() {
	}

	public static <D, T> Page<T> scroll(PageRequest request, Function<ScrollPosition, Window<D>> query,
			Function<D, T> mapper) {
		ScrollPosition position = (request.after() != null) ? ScrollPosition.forward(request.after().keys())
				: ScrollPosition.keyset();
		Window<D> window;
		try {
			window = query.apply(position);
		}
		catch (IllegalArgumentException | IllegalStateException | InvalidDataAccessApiUsageException ex) {
			throw new BadRequestException("Not a valid cursor");
		}
		List<T> items = new ArrayList<>();
		List<PagePosition> positions = new ArrayList<>();
		for (int index = 0; index < window.size(); index++) {
			items.add(mapper.apply(window.getContent().get(index)));
			positions.add(new PagePosition(((KeysetScrollPosition) window.positionAt(index)).getKeys()));
		}
		return new Page<>(items, positions, window.hasNext());
	}

}
