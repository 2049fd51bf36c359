package org.onesignin.hub.account;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.onesignin.hub.support.HubIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rule 3, no lost updates: concurrent writers based on the same revision never silently
 * overwrite each other; exactly one wins each revision and the history has no gaps.
 */
class ConcurrentUpdatesIntegrationTests extends HubIntegrationTest {

	private static final int WRITERS = 8;

	private static final int ROUNDS = 5;

	@Test
	void acceptsExactlyOneWriterPerRevision() throws Exception {
		String id = registerThrough("my-sony");
		ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
		List<String> winners = new ArrayList<>();
		try {
			for (int round = 0; round < ROUNDS; round++) {
				int revision = revisionOf(id);
				CountDownLatch start = new CountDownLatch(1);
				List<Future<String>> results = new ArrayList<>();
				for (int writer = 0; writer < WRITERS; writer++) {
					String name = "Writer " + round + "-" + writer;
					Callable<String> attempt = () -> {
						start.await();
						return asAccountHolder(id).documentName("account-pages/updateMyBasicDetails")
							.variable("input", Map.of("expectedRevision", revision, "givenName", name))
							.execute()
							.path("updateBasicDetails.errors[*].code")
							.entityList(String.class)
							.get()
							.stream()
							.findFirst()
							.orElse(name);
					};
					results.add(pool.submit(attempt));
				}

				start.countDown();

				List<String> outcomes = new ArrayList<>();
				for (Future<String> result : results) {
					outcomes.add(result.get(60, TimeUnit.SECONDS));
				}
				assertThat(outcomes).filteredOn((o) -> o.startsWith("Writer")).hasSize(1);
				assertThat(outcomes).filteredOn((o) -> !o.startsWith("Writer")).containsOnly("STALE_REVISION");
				winners.add(outcomes.stream().filter((o) -> o.startsWith("Writer")).findFirst().orElseThrow());
			}
		}
		finally {
			pool.shutdownNow();
		}

		assertThat(revisionOf(id)).isEqualTo(1 + ROUNDS);
		List<Map> history = asAccountHolder(id).documentName("account-pages/myChangeHistory")
			.variable("first", 100)
			.execute()
			.path("me.changeHistory.edges[*].node")
			.entityList(Map.class)
			.get();
		assertThat(history).extracting((entry) -> entry.get("revision")).containsExactly(2, 3, 4, 5, 6);
		assertThat(history).extracting((entry) -> entry.get("after")).containsExactlyElementsOf(winners);
	}

}
