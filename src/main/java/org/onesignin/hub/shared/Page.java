package org.onesignin.hub.shared;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list in a stable order: the items, each item's position (to continue
 * after it), and whether more items follow.
 */
public record Page<T>(List<T> items, List<PagePosition> positions, boolean hasNext) {

	public Page {
		items = List.copyOf(items);
		positions = List.copyOf(positions);
		if (items.size() != positions.size()) {
			throw new IllegalArgumentException("Every item needs its position");
		}
	}

	public static <T> Page<T> empty() {
		return new Page<>(List.of(), List.of(), false);
	}

	public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
		return new Page<>(this.items.stream().<R>map(mapper).toList(), this.positions, this.hasNext);
	}

}
