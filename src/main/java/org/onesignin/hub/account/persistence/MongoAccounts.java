package org.onesignin.hub.account.persistence;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bson.Document;
import org.onesignin.hub.account.Account;
import org.onesignin.hub.account.AccountChange;
import org.onesignin.hub.account.AccountId;
import org.onesignin.hub.account.AccountStatus;
import org.onesignin.hub.mail.Mail;
import org.onesignin.hub.account.Accounts;
import org.onesignin.hub.account.BasicDetailsValidation;
import org.onesignin.hub.account.LinkStatus;
import org.onesignin.hub.shared.persistence.Cursors;
import org.onesignin.hub.account.ServiceChange;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

@Component
class MongoAccounts implements Accounts {

	private static final String ERASED = "erased";

	private static final String RELAY_DUE = "relayDue";

	private static final String MAILS_DUE = "mailsDue";

	private final MongoTemplate mongo;

	private final AccountDocumentMapper mapper;

	MongoAccounts(MongoTemplate mongo, AccountDocumentMapper mapper) {
		this.mongo = mongo;
		this.mapper = mapper;
		mongo.indexOps(AccountDocument.class)
			.createIndex(new Index().on("signInEmailKey", Sort.Direction.ASC).unique().named("unique_sign_in_email"));
		// lookups by anonymous callers (a link's token) and by address, verified or not
		for (String field : List.of("emailKey", "credentials.emailConfirmation.tokenHash",
				"credentials.passwordReset.tokenHash", "credentials.claimPending",
				"credentials.emailConfirmation.expiresAt", RELAY_DUE, MAILS_DUE)) {
			mongo.indexOps(AccountDocument.class).createIndex(new Index().on(field, Sort.Direction.ASC));
		}
		// identities stored before the marks existed: marked once (one read of every
		// identity, here only)
		mongo.updateMulti(
				Query.query(new Criteria().andOperator(pendingOutbox(), Criteria.where(RELAY_DUE).exists(false))),
				new Update().set(RELAY_DUE, true), AccountDocument.class);
		mongo.updateMulti(Query.query(Criteria.where("pendingMails.0").exists(true).and(MAILS_DUE).exists(false)),
				new Update().set(MAILS_DUE, true), AccountDocument.class);
	}

	@Override
	public Optional<Account> findById(AccountId id) {
		return Optional.ofNullable(this.mongo.findById(id.value(), AccountDocument.class)).map(this.mapper::toDomain);
	}

	@Override
	public Optional<Account> findBySignInEmail(String email) {
		Query query = Query.query(Criteria.where("signInEmailKey").is(BasicDetailsValidation.emailKey(email)));
		return Optional.ofNullable(this.mongo.findOne(query, AccountDocument.class)).map(this.mapper::toDomain);
	}

	@Override
	public boolean insert(Account account, List<ServiceChange> events, List<Mail> mails) {
		try {
			this.mongo.insert(this.mapper.toDocument(account, events, mails));
			return true;
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
	}

	@Override
	public Written apply(AccountChange change) {
		Query query = Query
			.query(Criteria.where("_id").is(change.accountId().value()).and("version").is(change.expectedVersion()));
		Update update = new Update().inc("version", 1).set("updatedAt", change.time());
		if (change.newDetails() != null) {
			update.set("details", this.mapper.toDocument(change.newDetails()));
		}
		if (change.newCredentials() != null) {
			update.set("credentials", this.mapper.toDocument(change.newCredentials()))
				.set("signInEmailKey",
						AccountDocumentMapper.signInEmailKey(change.accountId(), change.newCredentials(),
								change.signInEmail()))
				.set("emailKey", BasicDetailsValidation.emailKey(change.signInEmail()));
		}
		if (change.newPassword() != null) {
			if (change.newPassword().hash() != null) {
				update.set("passwordHash", change.newPassword().hash());
			}
			else {
				update.unset("passwordHash");
			}
		}
		if (!change.mails().isEmpty()) {
			update.push("pendingMails")
				.each(this.mapper.toMailDocuments(change.mails()).toArray())
				.set(MAILS_DUE, true);
		}
		if (change.newRevision() != null) {
			update.set("revision", change.newRevision());
		}
		if (change.links() != null) {
			update.set("links", this.mapper.toLinkDocuments(change.links()));
		}
		if (change.newStatus() != null) {
			update.set("status", change.newStatus());
			if (change.newStatus() == org.onesignin.hub.account.AccountStatus.CLOSED) {
				update.set("closedAt", change.time());
			}
		}
		Map<String, Integer> emitted = new HashMap<>();
		change.events().forEach((event) -> emitted.merge(event.serviceId(), event.revision(), Math::max));
		emitted.forEach((serviceId, revision) -> update.max("emittedRevisions." + serviceId, revision));
		if (!change.events().isEmpty()) {
			update.push("outbox").each(this.mapper.toChangeDocuments(change.events()).toArray());
		}
		if (!change.history().isEmpty()) {
			update.push("pendingHistory").each(change.history().stream().map(this.mapper::toPendingDocument).toArray());
		}
		if (!change.events().isEmpty() || !change.history().isEmpty()) {
			update.set(RELAY_DUE, true);
		}
		try {
			AccountDocument written = this.mongo.findAndModify(query, update,
					org.springframework.data.mongodb.core.FindAndModifyOptions.options().returnNew(true),
					AccountDocument.class);
			return (written != null) ? new Written(WriteResult.APPLIED, this.mapper.toDomain(written))
					: new Written(WriteResult.VERSION_CONFLICT, null);
		}
		catch (DuplicateKeyException ex) {
			return new Written(WriteResult.EMAIL_TAKEN, null);
		}
	}

	@Override
	public List<Account> findUnverifiedByEmail(String email, int limit) {
		Query query = Query
			.query(Criteria.where("emailKey")
				.is(BasicDetailsValidation.emailKey(email))
				.and("credentials.emailVerified")
				.is(false)
				.and("status")
				.is(AccountStatus.ACTIVE))
			.limit(limit);
		return this.mongo.find(query, AccountDocument.class).stream().map(this.mapper::toDomain).toList();
	}

	@Override
	public List<Account> findPendingClaims(int limit) {
		Query query = Query.query(Criteria.where("credentials.claimPending").is(true)).limit(limit);
		return this.mongo.find(query, AccountDocument.class).stream().map(this.mapper::toDomain).toList();
	}

	@Override
	public List<Account> findUnverifiedRegisteredSince(java.time.Instant since, int limit) {
		return findUnverified(Criteria.where("createdAt").gte(since), limit);
	}

	@Override
	public List<Account> findUnconfirmedExpiredBefore(java.time.Instant expiredBefore, int limit) {
		return findUnverified(Criteria.where("credentials.emailConfirmation.expiresAt").lt(expiredBefore), limit);
	}

	private List<Account> findUnverified(Criteria criteria, int limit) {
		Query query = Query
			.query(criteria.and("credentials.emailVerified").is(false).and("status").is(AccountStatus.ACTIVE))
			.limit(limit);
		return this.mongo.find(query, AccountDocument.class).stream().map(this.mapper::toDomain).toList();
	}

	@Override
	public void claimSettled(AccountId id) {
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(id.value())),
				new Update().set("credentials.claimPending", false), AccountDocument.class);
	}

	@Override
	public Optional<Account> findByLinkTokenHash(String tokenHash) {
		Query query = Query
			.query(new Criteria().orOperator(Criteria.where("credentials.emailConfirmation.tokenHash").is(tokenHash),
					Criteria.where("credentials.passwordReset.tokenHash").is(tokenHash)));
		return Optional.ofNullable(this.mongo.findOne(query, AccountDocument.class)).map(this.mapper::toDomain);
	}

	@Override
	public List<PendingMails> findPendingMails(int limit) {
		Query query = Query.query(Criteria.where(MAILS_DUE).is(true)).limit(limit);
		return this.mongo.find(query, AccountDocument.class).stream().map(this::pendingMails).toList();
	}

	@Override
	public Optional<PendingMails> findPendingMails(AccountId id) {
		return Optional.ofNullable(this.mongo.findById(id.value(), AccountDocument.class))
			.map(this::pendingMails)
			.filter((pending) -> !pending.mails().isEmpty());
	}

	@Override
	public void removeMails(AccountId id, Collection<String> mailIds) {
		BulkOperations updates = this.mongo.bulkOps(BulkOperations.BulkMode.ORDERED, AccountDocument.class);
		if (!mailIds.isEmpty()) {
			updates.updateOne(Query.query(Criteria.where("_id").is(id.value())), new Update().pull("pendingMails",
					new Document("mailId", new Document("$in", List.copyOf(mailIds)))));
		}
		// the mark goes only once nothing is left: a mail added meanwhile keeps it
		updates.updateOne(Query.query(Criteria.where("_id").is(id.value()).and("pendingMails.0").exists(false)),
				new Update().unset(MAILS_DUE));
		updates.execute();
	}

	private PendingMails pendingMails(AccountDocument document) {
		return new PendingMails(new AccountId(document.id()), (document.pendingMails() != null)
				? document.pendingMails().stream().map(this.mapper::toDomain).toList() : List.of());
	}

	@Override
	public List<Outbox> findPendingOutboxes(int limit) {
		Query query = Query.query(Criteria.where(RELAY_DUE).is(true)).limit(limit);
		return this.mongo.find(query, AccountDocument.class).stream().map(this::outbox).toList();
	}

	@Override
	public List<Outbox> findPendingOutboxes(Collection<AccountId> ids) {
		Query query = Query.query(Criteria.where("_id").in(ids.stream().map(AccountId::value).toList()));
		return this.mongo.find(query, AccountDocument.class)
			.stream()
			.map(this::outbox)
			.filter((outbox) -> !outbox.events().isEmpty() || !outbox.history().isEmpty())
			.toList();
	}

	@Override
	public void removeFromOutboxes(List<Outbox> relayed) {
		if (relayed.isEmpty()) {
			return;
		}
		BulkOperations updates = this.mongo.bulkOps(BulkOperations.BulkMode.ORDERED, AccountDocument.class);
		for (Outbox outbox : relayed) {
			Update update = new Update();
			if (!outbox.events().isEmpty()) {
				update.pull("outbox", new Document("eventId",
						new Document("$in", outbox.events().stream().map(ServiceChange::id).toList())));
			}
			if (!outbox.history().isEmpty()) {
				update.pull("pendingHistory", new Document("entryId",
						new Document("$in", outbox.history().stream().map(h -> h.id()).toList())));
			}
			if (!update.getUpdateObject().isEmpty()) {
				updates.updateOne(Query.query(Criteria.where("_id").is(outbox.accountId().value())), update);
			}
			// the mark goes only once both are empty: a change written meanwhile keeps it
			updates
				.updateOne(Query.query(new Criteria().andOperator(Criteria.where("_id").is(outbox.accountId().value()),
						Criteria.where("outbox.0").exists(false), Criteria.where("pendingHistory.0").exists(false))),
						new Update().unset(RELAY_DUE));
		}
		updates.execute();
	}

	@Override
	public void acknowledge(AccountId id, String serviceId, int revision) {
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(id.value())),
				new Update().max("acknowledgedRevisions." + serviceId, revision), AccountDocument.class);
	}

	@Override
	public List<AccountId> findDueForErasure(java.time.Instant closedBefore, int limit) {
		Query query = Query
			.query(Criteria.where("status")
				.is(org.onesignin.hub.account.AccountStatus.CLOSED)
				.and("closedAt")
				.lte(closedBefore))
			.limit(limit);
		query.fields().include("_id");
		return this.mongo.find(query, Document.class, "accounts")
			.stream()
			.map((doc) -> new AccountId(doc.getString("_id")))
			.toList();
	}

	@Override
	public void erase(AccountId id, java.time.Instant now) {
		AccountDocument document = this.mongo.findById(id.value(), AccountDocument.class);
		if (document == null || document.erasedAt() != null) {
			return;
		}
		List<AccountDocument.LinkDocument> links = (document.links() != null) ? document.links()
			.stream()
			.map((l) -> new AccountDocument.LinkDocument(l.serviceId(), ERASED, l.status(), l.linkedAt(),
					l.cancelledAt(), l.cancelledBy()))
			.toList() : List.of();
		Update update = new Update()
			.set("details", new AccountDocument.BasicDetailsDocument(null, null, null, null, null, null, null, null))
			.set("signInEmailKey", ERASED + ":" + id.value())
			.unset("emailKey")
			.unset("credentials")
			.unset("pendingMails")
			.unset("passwordHash")
			.set("links", links)
			.set("outbox", List.of())
			.set("pendingHistory", List.of())
			.unset(RELAY_DUE)
			.unset(MAILS_DUE)
			.set("erasedAt", now)
			.set("status", org.onesignin.hub.account.AccountStatus.ERASED)
			.inc("version", 1);
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(id.value())), update, AccountDocument.class);
	}

	@Override
	public org.onesignin.hub.shared.Page<Account> search(java.util.Set<String> serviceIds, String emailKey,
			String phone, String namePrefix, org.onesignin.hub.shared.PageRequest page) {
		Criteria criteria = Criteria.where("status")
			.is(org.onesignin.hub.account.AccountStatus.ACTIVE)
			.and("links")
			.elemMatch(Criteria.where("serviceId").in(serviceIds).and("status").is(LinkStatus.ACTIVE));
		// each alternative is nested in one $and: keyset scrolling merges its cursor
		// condition into a top-level $or, which would otherwise turn "name matches"
		// into "name matches or after cursor"
		List<Criteria> alternatives = new ArrayList<>();
		if (emailKey != null) {
			// verified or not (emailKey), and identities stored before verification
			// existed (only signInEmailKey)
			alternatives.add(new Criteria().orOperator(Criteria.where("emailKey").is(emailKey),
					Criteria.where("signInEmailKey").is(emailKey)));
		}
		if (phone != null) {
			criteria = criteria.and("details.phone").is(phone);
		}
		if (namePrefix != null) {
			String pattern = "^" + java.util.regex.Pattern.quote(namePrefix);
			alternatives.add(new Criteria().orOperator(Criteria.where("details.givenName").regex(pattern, "i"),
					Criteria.where("details.familyName").regex(pattern, "i")));
		}
		if (!alternatives.isEmpty()) {
			criteria = criteria.andOperator(alternatives);
		}
		Query query = Query.query(criteria).with(Sort.by("id")).limit(page.size());
		return Cursors.scroll(page, (position) -> this.mongo.scroll(query.with(position), AccountDocument.class),
				this.mapper::toDomain);
	}

	private static Criteria pendingOutbox() {
		return new Criteria().orOperator(Criteria.where("outbox.0").exists(true),
				Criteria.where("pendingHistory.0").exists(true));
	}

	private Outbox outbox(AccountDocument document) {
		return new Outbox(new AccountId(document.id()),
				(document.outbox() != null) ? document.outbox().stream().map(this.mapper::toDomain).toList()
						: List.of(),
				(document.pendingHistory() != null)
						? document.pendingHistory().stream().map(this.mapper::toDomain).toList() : List.of());
	}

}
