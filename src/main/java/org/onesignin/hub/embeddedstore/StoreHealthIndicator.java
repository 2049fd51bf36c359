package org.onesignin.hub.embeddedstore;

import org.bson.Document;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Store health by {@code ping}, which both real MongoDB and the embedded server answer
 * (Boot's own indicator sends {@code hello}, which the embedded server does not know).
 */
@Component("mongoHealthIndicator")
class StoreHealthIndicator implements HealthIndicator {

	private final MongoTemplate mongo;

	StoreHealthIndicator(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public Health health() {
		try {
			this.mongo.executeCommand(new Document("ping", 1));
			return Health.up().build();
		}
		catch (RuntimeException ex) {
			return Health.down().withDetail("error", ex.getClass().getSimpleName()).build();
		}
	}

}
