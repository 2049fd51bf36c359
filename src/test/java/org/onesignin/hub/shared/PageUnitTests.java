package org.onesignin.hub.shared;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reading a whole list a page at a time: each page after the last item of the one before,
 * every item once, and no page asked for before it is needed.
 */
class PageUnitTests {

	@Test
	void readsEveryItemOnceAPageAtATime() {
		List<PageRequest> asked = new ArrayList<>();

		List<Integer> items = new ArrayList<>();
		Page.eachItem(100, listOf(250, asked)).forEach(items::add);

		assertThat(items).containsExactlyElementsOf(IntStream.range(0, 250).boxed().toList());
		assertThat(asked).extracting(PageRequest::after)
			.containsExactly(null, new PagePosition(Map.of("n", 99)), new PagePosition(Map.of("n", 199)));
		assertThat(asked).extracting(PageRequest::size).containsOnly(100);
	}

	@Test
	void asksForTheNextPageOnlyWhenTheOneAtHandIsRead() {
		List<PageRequest> asked = new ArrayList<>();

		Iterator<Integer> items = Page.eachItem(10, listOf(25, asked)).iterator();
		for (int i = 0; i < 10; i++) {
			items.next();
		}

		assertThat(asked).hasSize(1);
		assertThat(items.hasNext()).isTrue();
		assertThat(asked).hasSize(2);
	}

	@Test
	void endsAtAnEmptyPageWhateverItSays() {
		Function<PageRequest, Page<Integer>> none = (request) -> new Page<>(List.of(), List.of(), true);

		assertThat(Page.eachItem(10, none)).isEmpty();
	}

	/** A list of {@code size} numbers, each at position {@code n}, recording each ask. */
	private static Function<PageRequest, Page<Integer>> listOf(int size, List<PageRequest> asked) {
		return (request) -> {
			asked.add(request);
			int from = (request.after() != null) ? (Integer) request.after().keys().get("n") + 1 : 0;
			int to = Math.min(size, from + request.size());
			List<Integer> items = IntStream.range(from, to).boxed().toList();
			return new Page<>(items, items.stream().map((n) -> new PagePosition(Map.of("n", n))).toList(), to < size);
		};
	}

}
