package org.onesignin.hub;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.onesignin.hub.support.LocalTokens;
import org.onesignin.hub.support.TestMailbox;
import org.onesignin.hub.support.TestStores;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Starting and restarting the whole hub: data and issued tokens survive a restart, and a
 * production start without a configured issuer, or any start with an incomplete trusted
 * issuer, is refused.
 */
class HubStartupIntegrationTests {

	@Test
	void keepsAccountsAndTheSigningKeysAcrossARestart() {
		Path scratch = TestStores.scratchDirectory();
		String email = "restart-" + System.nanoTime() + "@example.com";
		String personToken;

		try (ConfigurableApplicationContext first = start(scratch)) {
			WebTestClient http = client(first);
			String partner = LocalTokens.client("playstation-network")
				.withSecret("playstation-network-secret")
				.obtainFrom(http);
			org.onesignin.hub.support.RawGraphQl
				.post(http, partner, "{\"query\":\"mutation { registerAccount(input: {email: \\\"" + email
						+ "\\\", password: \\\"a perfectly fine passphrase\\\", serviceAccountId: \\\"psn-r\\\", "
						+ "basicDetails: {givenName: \\\"Ada\\\"}, emailVerified: true}) { errors { code } } }\"}")
				.jsonPath("$.data.registerAccount.errors")
				.isEmpty();
			personToken = LocalTokens.person(email)
				.withPassword("a perfectly fine passphrase")
				.through("account-pages")
				.obtainFrom(http);
		}

		try (ConfigurableApplicationContext second = start(scratch)) {
			org.onesignin.hub.support.RawGraphQl
				.post(client(second), personToken,
						"{\"query\":\"{ me { signInEmail linkedAccounts { service { id } } } }\"}")
				.jsonPath("$.data.me.signInEmail")
				.isEqualTo(email)
				.jsonPath("$.data.me.linkedAccounts[0].service.id")
				.isEqualTo("playstation-network");
		}
	}

	@Test
	void refusesAProductionStartWithoutAnIssuer() {
		Path scratch = TestStores.scratchDirectory();

		String[] arguments = java.util.stream.Stream
			.concat(java.util.Arrays.stream(arguments(scratch)),
					java.util.stream.Stream
						.of("--hub.unsubscribe.secret=" + java.util.Base64.getEncoder().encodeToString(new byte[32])))
			.toArray(String[]::new);

		assertThatThrownBy(
				() -> new SpringApplicationBuilder(HubApplication.class).profiles("production").run(arguments).close())
			.hasStackTraceContaining("Set HUB_ISSUER");
	}

	@Test
	void forgetsAClientDroppedFromTheRegistryFile() {
		Path scratch = TestStores.scratchDirectory();
		try (ConfigurableApplicationContext first = start(scratch)) {
			LocalTokens.client("my-sony").withSecret("my-sony-secret").obtainFrom(client(first));
		}

		String[] arguments = java.util.stream.Stream
			.concat(java.util.Arrays.stream(arguments(scratch)),
					java.util.stream.Stream
						.of("--hub.registry.location=classpath:registry/without-my-sony-client.yaml"))
			.toArray(String[]::new);
		try (ConfigurableApplicationContext second = new SpringApplicationBuilder(HubApplication.class)
			.run(arguments)) {
			client(second).post()
				.uri("/oauth2/token")
				.headers((headers) -> headers.setBasicAuth("my-sony", "my-sony-secret"))
				.body(org.springframework.web.reactive.function.BodyInserters.fromFormData("grant_type",
						"client_credentials"))
				.exchange()
				.expectStatus()
				.isUnauthorized();
		}
	}

	@Test
	void refusesARegistryWhereAServicesOwnClientIsPublic() {
		Path scratch = TestStores.scratchDirectory();

		String[] arguments = java.util.stream.Stream
			.concat(java.util.Arrays.stream(arguments(scratch)),
					java.util.stream.Stream.of("--hub.registry.location=classpath:registry/public-service-client.yaml"))
			.toArray(String[]::new);

		assertThatThrownBy(() -> new SpringApplicationBuilder(HubApplication.class).run(arguments).close())
			.hasStackTraceContaining("Client sony-music acts for service sony-music and is PUBLIC");
	}

	@Test
	void refusesDemoDataInAProductionStart() {
		Path scratch = TestStores.scratchDirectory();

		String[] arguments = java.util.stream.Stream.concat(java.util.Arrays.stream(arguments(scratch)),
				java.util.stream.Stream.of("--hub.security.issuer=https://sign-in.example", "--hub.sign-in.demo=true",
						"--hub.unsubscribe.secret=" + java.util.Base64.getEncoder().encodeToString(new byte[32])))
			.toArray(String[]::new);

		assertThatThrownBy(
				() -> new SpringApplicationBuilder(HubApplication.class).profiles("production").run(arguments).close())
			.hasStackTraceContaining("hub.sign-in.demo must be off with the production profile");
	}

	@Test
	void refusesAProductionStartWithoutAnSmtpServer() {
		Path scratch = TestStores.scratchDirectory();

		String[] arguments = java.util.Arrays.stream(arguments(scratch))
			.filter((argument) -> !argument.startsWith("--spring.mail."))
			.toArray(String[]::new);
		String[] production = java.util.stream.Stream
			.concat(java.util.Arrays.stream(arguments),
					java.util.stream.Stream.of("--hub.security.issuer=https://sign-in.example",
							"--hub.unsubscribe.secret=" + java.util.Base64.getEncoder().encodeToString(new byte[32])))
			.toArray(String[]::new);

		assertThatThrownBy(
				() -> new SpringApplicationBuilder(HubApplication.class).profiles("production").run(production).close())
			.hasStackTraceContaining("Set spring.mail.host");
	}

	@Test
	void refusesAProductionStartWithoutAnUnsubscribeSecret() {
		Path scratch = TestStores.scratchDirectory();

		assertThatThrownBy(() -> new SpringApplicationBuilder(HubApplication.class).profiles("production")
			.run(arguments(scratch))
			.close()).hasStackTraceContaining("HUB_UNSUBSCRIBE_SECRET");
	}

	@Test
	void refusesAStartWithATrustedIssuerWithoutItsKeys() {
		Path scratch = TestStores.scratchDirectory();

		String[] arguments = java.util.stream.Stream
			.concat(java.util.Arrays.stream(arguments(scratch)),
					java.util.stream.Stream
						.of("--hub.security.trusted-issuers[0].issuer=https://kc.example/realms/staff"))
			.toArray(String[]::new);

		assertThatThrownBy(() -> new SpringApplicationBuilder(HubApplication.class).run(arguments).close())
			.hasStackTraceContaining("hub.security.trusted-issuers[0].jwk-set-uri is missing");
	}

	private static ConfigurableApplicationContext start(Path scratch) {
		return new SpringApplicationBuilder(HubApplication.class).run(arguments(scratch));
	}

	/** As command-line arguments, which take precedence over application.yaml. */
	private static String[] arguments(Path scratch) {
		Map<String, Object> properties = new java.util.LinkedHashMap<>(TestStores.properties(scratch));
		properties.put("server.port", "0");
		properties.put("spring.mail.host", "127.0.0.1");
		properties.put("spring.mail.port", String.valueOf(TestMailbox.port()));
		return properties.entrySet().stream().map((e) -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
	}

	private static WebTestClient client(ConfigurableApplicationContext context) {
		int port = ((WebServerApplicationContext) context).getWebServer().getPort();
		return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build();
	}

}
