package org.onesignin.hub.shared.persistence;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.onesignin.hub.shared.Leases;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

@Component
class MongoLeases implements Leases {

	private static final String COLLECTION = "leases";

	private final MongoTemplate mongo;

	private final Clock clock;

	private final String instanceId = UUID.randomUUID().toString();

	MongoLeases(MongoTemplate mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
	}

	@Override
	public boolean tryAcquire(String name, Duration duration) {
		Instant now = this.clock.instant();
		Query free = Query.query(Criteria.where("_id")
			.is(name)
			.orOperator(Criteria.where("holder").is(this.instanceId), Criteria.where("expiresAt").lt(now)));
		Update take = new Update().set("holder", this.instanceId).set("expiresAt", now.plus(duration));
		try {
			this.mongo.findAndModify(free, take, FindAndModifyOptions.options().upsert(true).returnNew(true),
					org.bson.Document.class, COLLECTION);
			return true;
		}
		catch (DuplicateKeyException ex) {
			// the lease exists and a live instance holds it
			return false;
		}
	}

}
