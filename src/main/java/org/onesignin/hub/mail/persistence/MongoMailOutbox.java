package org.onesignin.hub.mail.persistence;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.onesignin.hub.mail.Mail;
import org.onesignin.hub.mail.MailOutbox;
import org.onesignin.hub.mail.MailQueued;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

@Component
class MongoMailOutbox implements MailOutbox {

	/** Due never: a delivered mail's mark. */
	private static final Instant NEVER = Instant.parse("9999-12-31T00:00:00Z");

	private final MongoTemplate mongo;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	MongoMailOutbox(MongoTemplate mongo, ApplicationEventPublisher events, Clock clock) {
		this.mongo = mongo;
		this.events = events;
		this.clock = clock;
		mongo.indexOps(MailOutboxDocument.class)
			.createIndex(new Index().on("nextAttemptAt", Sort.Direction.ASC).named("due"));
	}

	@Override
	public void send(String id, Mail mail) {
		Instant now = this.clock.instant();
		// inserted only if absent: a second hand-over of the same mail changes nothing
		this.mongo.upsert(Query.query(Criteria.where("_id").is(id)),
				new Update().setOnInsert("kind", mail.kind())
					.setOnInsert("to", mail.to())
					.setOnInsert("language", mail.language())
					.setOnInsert("values", mail.values())
					.setOnInsert("attempts", 0)
					.setOnInsert("nextAttemptAt", now)
					.setOnInsert("claimedUntil", Instant.EPOCH)
					.setOnInsert("createdAt", now),
				MailOutboxDocument.class);
		this.events.publishEvent(new MailQueued());
	}

	@Override
	public Optional<Queued> claimDue(Instant now, Instant until) {
		Query due = Query.query(Criteria.where("nextAttemptAt").lte(now).and("claimedUntil").lte(now))
			.with(Sort.by("nextAttemptAt"));
		String claim = UUID.randomUUID().toString();
		MailOutboxDocument claimed = this.mongo.findAndModify(due,
				new Update().set("claimedUntil", until).set("claim", claim),
				FindAndModifyOptions.options().returnNew(true), MailOutboxDocument.class);
		return Optional.ofNullable(claimed)
			.map((document) -> new Queued(document.id(), claim, new Mail(document.kind(), document.to(),
					document.language(), (document.values() != null) ? document.values() : Map.of()),
					document.attempts()));
	}

	/**
	 * Keeps only a mark of the delivered mail (no address, no values, never due again),
	 * so that the same mail handed over again is not sent again; marks are purged after a
	 * day.
	 */
	@Override
	public void delivered(Queued queued) {
		this.mongo.updateFirst(claimed(queued),
				new Update().set("nextAttemptAt", NEVER)
					.set("claimedUntil", NEVER)
					.set("deliveredAt", this.clock.instant())
					.unset("to")
					.unset("values")
					.unset("language"),
				MailOutboxDocument.class);
	}

	@Override
	public void purgeDelivered(Instant before) {
		this.mongo.remove(Query.query(Criteria.where("deliveredAt").lt(before)), MailOutboxDocument.class);
	}

	@Override
	public void retryAt(Queued queued, int attempts, Instant next) {
		this.mongo.updateFirst(claimed(queued),
				new Update().set("attempts", attempts).set("nextAttemptAt", next).set("claimedUntil", Instant.EPOCH),
				MailOutboxDocument.class);
	}

	/**
	 * The mail as long as this claim holds it: a relay whose claim ran out changes
	 * nothing another relay claimed since.
	 */
	private static Query claimed(Queued queued) {
		return Query.query(Criteria.where("_id").is(queued.id()).and("claim").is(queued.claim()));
	}

}
