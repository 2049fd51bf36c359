package org.onesignin.hub.shared;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
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

	/**
	 * Every item of a list, read a page of {@code pageSize} at a time as it is iterated
	 * (each page after the last item of the one before), so that going through it holds
	 * one page however long the list is.
	 */
	public static <T> Iterable<T> eachItem(int pageSize, Function<PageRequest, Page<T>> pages) {
		return () -> new EachItem<>(pageSize, pages);
	}

	/** The iteration of {@link #eachItem}: the page at hand and where it stands. */
	private static final class EachItem<T> implements Iterator<T> {

		private final int pageSize;

		private final Function<PageRequest, Page<T>> pages;

		private Page<T> page;

		private int next;

		EachItem(int pageSize, Function<PageRequest, Page<T>> pages) {
			this.pageSize = pageSize;
			this.pages = pages;
			this.page = pages.apply(PageRequest.first(pageSize));
		}

		@Override
		public boolean hasNext() {
			// a page that says more follow but brings nothing ends the list too
			if (this.next == this.page.items().size() && this.page.hasNext() && this.next > 0) {
				this.page = this.pages.apply(new PageRequest(this.page.positions().get(this.next - 1), this.pageSize));
				this.next = 0;
			}
			return this.next < this.page.items().size();
		}

		@Override
		public T next() {
			if (!hasNext()) {
				throw new NoSuchElementException();
			}
			return this.page.items().get(this.next++);
		}

	}

}
