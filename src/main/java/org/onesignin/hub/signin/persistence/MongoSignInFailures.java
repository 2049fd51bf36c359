package org.onesignin.hub.signin.persistence;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;

import org.onesignin.hub.signin.LockoutProperties;
import org.onesignin.hub.signin.SignInFailures;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Failed sign-ins in the store, one document per key: single-document atomic updates only
 * ({@code $inc}, conditional resets), so every instance counts the same failures without
 * transactions.
 */
@Component
class MongoSignInFailures implements SignInFailures {

	/**
	 * How many times a count races a concurrent reset or first insert before giving up.
	 */
	private static final int ATTEMPTS = 3;

	private final MongoTemplate mongo;

	private final Duration keep;

	private final Clock clock;

	MongoSignInFailures(MongoTemplate mongo, LockoutProperties lockout, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
		// a document matters while its window or its lockout lasts
		this.keep = lockout.window().plus(lockout.duration());
		// real MongoDB drops a document once it is of no use; the scheduled purge does
		// the same where TTL indexes are ignored
		mongo.indexOps(SignInFailureDocument.class)
			.createIndex(new Index().on("expiresAt", Sort.Direction.ASC).expire(Duration.ZERO));
	}

	@Override
	public boolean anyLocked(Collection<String> keys, Instant now) {
		return this.mongo.exists(Query.query(Criteria.where("_id").in(keys).and("lockedUntil").gt(now)),
				SignInFailureDocument.class);
	}

	@Override
	public long attempted(String key, Instant now, Duration window) {
		Instant windowOpened = now.minus(window);
		for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
			// within the window: one more
			SignInFailureDocument counted = this.mongo.findAndModify(
					Query.query(Criteria.where("_id").is(key).and("windowStart").gt(windowOpened)),
					new Update().inc("failures", 1).set("expiresAt", now.plus(this.keep)),
					FindAndModifyOptions.options().returnNew(true), SignInFailureDocument.class);
			if (counted != null) {
				return counted.failures();
			}
			// the window has passed (or the count was reset): this attempt opens a new
			// one; the condition lets one of two racing resets win, the other counts on
			SignInFailureDocument reset = this.mongo.findAndModify(
					Query.query(Criteria.where("_id").is(key).and("windowStart").lte(windowOpened)),
					new Update().set("failures", 1L).set("windowStart", now).set("expiresAt", now.plus(this.keep)),
					FindAndModifyOptions.options().returnNew(true), SignInFailureDocument.class);
			if (reset != null) {
				return reset.failures();
			}
			try {
				this.mongo.insert(new SignInFailureDocument(key, 1, now, null, now.plus(this.keep)));
				return 1;
			}
			catch (DuplicateKeyException ex) {
				// another instance counted this key's first attempt meanwhile: count
				// on from there
			}
		}
		throw new IllegalStateException("Sign-in failures could not be counted");
	}

	@Override
	public void lock(String key, Instant until) {
		// the next failure after the lockout opens a new window
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(key)),
				new Update().set("lockedUntil", until)
					.set("failures", 0L)
					.set("windowStart", Instant.EPOCH)
					.max("expiresAt", until.plus(this.keep)),
				SignInFailureDocument.class);
	}

	@Override
	public void succeeded(String key) {
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(key).and("failures").gt(0)),
				new Update().inc("failures", -1), SignInFailureDocument.class);
	}

	@Override
	public void forget(String key) {
		this.mongo.remove(Query.query(Criteria.where("_id").is(key)), SignInFailureDocument.class);
	}

	/** Forgets the keys whose window and lockout have passed. */
	@Scheduled(fixedDelayString = "${hub.credentials.lockout.purge-interval:1h}",
			initialDelayString = "${hub.credentials.lockout.purge-interval:1h}")
	void purgeExpired() {
		this.mongo.remove(Query.query(Criteria.where("expiresAt").lt(this.clock.instant())),
				SignInFailureDocument.class);
	}

}
