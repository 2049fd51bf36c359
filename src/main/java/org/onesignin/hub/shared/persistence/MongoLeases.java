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

	/**
	 * Until when this instance is known to hold each lease (as last written to the
	 * store).
	 */
	private final java.util.Map<String, Instant> heldUntil = new java.util.concurrent.ConcurrentHashMap<>();

	MongoLeases(MongoTemplate mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
	}

	@Override
	public boolean tryAcquire(String name, Duration duration) {
		Instant now = this.clock.instant();
		Instant held = this.heldUntil.get(name);
		if (held != null && now.isBefore(held.minus(duration.dividedBy(2)))) {
			// still ours for more than half its term: no need to renew on every call
			return true;
		}
		org.bson.Document current = this.mongo.findById(name, org.bson.Document.class, COLLECTION);
		if (current != null && !this.instanceId.equals(current.getString("holder"))
				&& current.getDate("expiresAt") != null && current.getDate("expiresAt").toInstant().isAfter(now)) {
			// held by another live instance: no write (and no duplicate-key noise) needed
			return false;
		}
		Query free = Query.query(Criteria.where("_id")
			.is(name)
			.orOperator(Criteria.where("holder").is(this.instanceId), Criteria.where("expiresAt").lt(now)));
		Update take = new Update().set("holder", this.instanceId).set("expiresAt", now.plus(duration));
		try {
			this.mongo.findAndModify(free, take, FindAndModifyOptions.options().upsert(true).returnNew(true),
					org.bson.Document.class, COLLECTION);
			this.heldUntil.put(name, now.plus(duration));
			return true;
		}
		catch (DuplicateKeyException ex) {
			// the lease exists and a live instance holds it
			this.heldUntil.remove(name);
			return false;
		}
	}

}
