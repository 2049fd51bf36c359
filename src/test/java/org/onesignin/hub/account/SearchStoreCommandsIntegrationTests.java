package org.onesignin.hub.account;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import org.junit.jupiter.api.Test;
import org.onesignin.hub.support.HubIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The N+1 guard: a support search answering 50 accounts with their links and services
 * sends the store as many commands as one answering 2. The commands are counted by a
 * driver {@link CommandListener}, on the threads that serve HTTP requests only (the
 * sweeps run on their own).
 */
class SearchStoreCommandsIntegrationTests extends HubIntegrationTest {

	@Autowired
	StoreCommands commands;

	@Test
	void aSearchCostsTheSameCommandsForTwoAccountsAndForFifty() {
		String family = "Nplusone" + UUID.randomUUID().toString().substring(0, 8);
		for (int i = 0; i < 2; i++) {
			registerThrough("my-sony", uniqueEmail(), Map.of("givenName", "Ada", "familyName", family));
		}
		List<String> commandsForTwo = this.commands.during(() -> assertThat(search(family)).hasSize(2));

		for (int i = 2; i < 50; i++) {
			registerThrough("my-sony", uniqueEmail(), Map.of("givenName", "Ada", "familyName", family));
		}
		List<String> commandsForFifty = this.commands.during(() -> assertThat(search(family)).hasSize(50));

		assertThat(commandsForTwo).isNotEmpty();
		assertThat(commandsForFifty).as("store commands of a search answering 50 accounts")
			.hasSameSizeAs(commandsForTwo);
	}

	private List<String> search(String family) {
		return asSupportAgent("sony-europe").documentName("support/searchAccounts")
			.variable("query", Map.of("name", family))
			.variable("ticket", "T-50")
			.variable("first", 50)
			.execute()
			.path("searchAccounts.edges[*].node.linkedAccounts[*].service.id")
			.entityList(String.class)
			.contains("my-sony")
			.path("searchAccounts.edges[*].node.id")
			.entityList(String.class)
			.get();
	}

	/** The store commands sent by request threads while a step runs. */
	static final class StoreCommands implements CommandListener {

		private final List<String> seen = Collections.synchronizedList(new ArrayList<>());

		private volatile boolean counting;

		@Override
		public void commandStarted(CommandStartedEvent event) {
			if (this.counting && Thread.currentThread().getName().contains("-exec-")) {
				this.seen.add(event.getCommandName());
			}
		}

		List<String> during(Runnable step) {
			this.seen.clear();
			this.counting = true;
			try {
				step.run();
			}
			finally {
				this.counting = false;
			}
			return List.copyOf(this.seen);
		}

	}

	@TestConfiguration
	static class CountingConfiguration {

		@Bean
		StoreCommands storeCommands() {
			return new StoreCommands();
		}

		@Bean
		MongoClientSettingsBuilderCustomizer countStoreCommands(StoreCommands commands) {
			return (settings) -> settings.addCommandListener(commands);
		}

	}

}
