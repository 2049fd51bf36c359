package org.onesignin.hub.embeddedstore;

import java.net.InetSocketAddress;
import java.nio.file.Path;

import com.mongodb.ConnectionString;
import de.bwaldvogel.mongo.MongoServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * The zero-install default store: with no MongoDB URI configured, an in-process MongoDB
 * wire-protocol server with a file-backed H2 store under {@code ./data}, listening on the
 * loopback interface only; the hub talks to it with the ordinary MongoDB driver.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoMongoUriCondition.class)
class EmbeddedStoreConfiguration {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedStoreConfiguration.class);

	@Bean(destroyMethod = "shutdownNow")
	MongoServer embeddedMongoServer(EmbeddedStoreProperties properties) {
		Path directory = Path.of(properties.directory()).toAbsolutePath().normalize();
		MongoServer server = EmbeddedStore.start(directory, properties.port(), true, properties.fsync());
		log.info("Embedded MongoDB-compatible store in {} listening on {}", directory, server.getLocalAddress());
		return server;
	}

	@Bean
	MongoConnectionDetails embeddedMongoConnectionDetails(MongoServer embeddedMongoServer) {
		InetSocketAddress address = embeddedMongoServer.getLocalAddress();
		ConnectionString connectionString = new ConnectionString("mongodb://127.0.0.1:" + address.getPort() + "/hub");
		return () -> connectionString;
	}

}
