package org.onesignin.hub.embeddedstore;

import com.mongodb.ConnectionString;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Honours the {@code MONGODB_URI} environment variable (a real MongoDB replica set) when
 * {@code spring.mongodb.uri} is not set.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("MONGODB_URI")
class MongoUriConfiguration {

	@Bean
	@ConditionalOnMissingBean
	MongoConnectionDetails mongoUriConnectionDetails(org.springframework.core.env.Environment environment) {
		ConnectionString connectionString = new ConnectionString(environment.getRequiredProperty("MONGODB_URI"));
		return () -> connectionString;
	}

}
