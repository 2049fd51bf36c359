package org.onesignin.hub.shared.persistence;

import java.util.function.Supplier;

import org.onesignin.hub.shared.BadRequestException;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.data.domain.Window;

/**
 * Keyset scrolling with a cursor the caller sent: a cursor that does not fit the query (a
 * cursor of another list, or one missing a sort key) is the caller's mistake, reported as
 * BAD_REQUEST, not an internal error.
 */
public final class Cursors {

	private Cursors() {
	}

	public static <T> Window<T> scroll(Supplier<Window<T>> query) {
		try {
			return query.get();
		}
		catch (IllegalArgumentException | IllegalStateException | InvalidDataAccessApiUsageException ex) {
			throw new BadRequestException("Not a valid cursor");
		}
	}

}
