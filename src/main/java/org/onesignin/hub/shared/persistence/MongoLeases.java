package org.onesignin.hub.shared.persistence;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.bson.Document;
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
	 * What this instance last wrote for each lease it holds: until when, and its epoch.
	 */
	private final Map<String, Held> held = new ConcurrentHashMap<>();

	MongoLeases(MongoTemplate mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
	}

	@Override
	public OptionalLong acquire(String name, Duration duration) {
		Instant now = this.clock.instant();
		Held mine = this.held.get(name);
		if (mine != null && now.isBefore(mine.until().minus(duration.dividedBy(2)))) {
			// still ours for more than half its term: no need to renew on every call
			return OptionalLong.of(mine.epoch());
		}
		Document current = this.mongo.findById(name, Document.class, COLLECTION);
		boolean ours = current != null && this.instanceId.equals(current.getString("holder"));
		if (current != null && !ours && current.getDate("expiresAt") != null
				&& current.getDate("expiresAt").toInstant().isAfter(now)) {
			// held by another live instance: no write (and no duplicate-key noise) needed
			this.held.remove(name);
			return OptionalLong.empty();
		}
		Instant until = now.plus(duration);
		Query query = ours ? Query.query(Criteria.where("_id").is(name).and("holder").is(this.instanceId))
				: Query.query(Criteria.where("_id").is(name).and("expiresAt").lt(now));
		// renewing keeps the epoch; taking over (or creating) starts a new one
		Update update = new Update().set("holder", this.instanceId).set("expiresAt", until);
		if (!ours) {
			update.inc("epoch", 1L);
		}
		try {
			Document taken = this.mongo.findAndModify(query, update,
					FindAndModifyOptions.options().upsert(!ours || current == null).returnNew(true), Document.class,
					COLLECTION);
			if (taken == null) {
				this.held.remove(name);
				return OptionalLong.empty();
			}
			long epoch = ((Number) taken.get("epoch")).longValue();
			this.held.put(name, new Held(until, epoch));
			return OptionalLong.of(epoch);
		}
		catch (DuplicateKeyException ex) {
			// another instance took it first
			this.held.remove(name);
			return OptionalLong.empty();
		}
	}

	private record Held(Instant until, long epoch) {
	}

}
