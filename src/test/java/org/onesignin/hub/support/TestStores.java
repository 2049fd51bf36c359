package org.onesignin.hub.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.mongodb.MongoDBContainer;
import org.testcontainers.utility.DockerImageName;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The store under test: a real MongoDB (Testcontainers, pinned image, replica set) where
 * a Docker engine answers, the embedded wire-protocol server in a fresh directory
 * otherwise. The same test classes run either way.
 */
public final class TestStores {

	private static final boolean DOCKER = dockerAvailable();

	private static MongoDBContainer container;

	private TestStores() {
	}

	public static void register(DynamicPropertyRegistry registry) {
		properties(scratchDirectory()).forEach((name, value) -> registry.add(name, () -> value));
	}

	/** Store and key settings for a hub whose files live in {@code scratch}. */
	public static java.util.Map<String, Object> properties(Path scratch) {
		java.util.Map<String, Object> properties = new java.util.LinkedHashMap<>();
		properties.put("hub.unsubscribe.secret-file", scratch.resolve("unsubscribe-secret").toString());
		// a hub without the test SMTP server writes its mail here, never into ./data/mail
		properties.put("hub.mail.directory", scratch.resolve("mail").toString());
		if (DOCKER) {
			// a database per hub under test, as the embedded store gets a directory: the
			// registry lives in the store, and one test's registry must not be another's
			properties.put("spring.mongodb.uri", mongo().getReplicaSetUrl("hub-" + scratch.getFileName()));
		}
		else {
			properties.put("hub.embedded-store.directory", scratch.resolve("store").toString());
		}
		return properties;
	}

	public static String kind() {
		return DOCKER ? "testcontainers-mongodb" : "embedded";
	}

	private static synchronized MongoDBContainer mongo() {
		if (container == null) {
			container = new MongoDBContainer(DockerImageName.parse("mongo:8.0.11"));
			container.start();
		}
		return container;
	}

	private static boolean dockerAvailable() {
		try {
			return DockerClientFactory.instance().isDockerAvailable();
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	public static Path scratchDirectory() {
		try {
			return Files.createTempDirectory("hub-test-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
