package org.onesignin.hub.signin.persistence;

import java.time.Instant;
import java.util.List;

import org.onesignin.hub.signin.SigningKeyStore;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Signing keys in the {@code signing_keys} collection, one document per rotation slot:
 * the slot is the id, so two instances starting a slot at once keep one key.
 */
@Component
class MongoSigningKeyStore implements SigningKeyStore {

	private final MongoTemplate mongo;

	MongoSigningKeyStore(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public List<StoredSigningKey> published(Instant now) {
		return this.mongo.find(Query.query(Criteria.where("publishUntil").gt(now)), SigningKeyDocument.class)
			.stream()
			.map((d) -> new StoredSigningKey(d.slot(), d.jwk(), d.activeFrom(), d.activeUntil(), d.publishUntil()))
			.toList();
	}

	@Override
	public boolean insertIfAbsent(StoredSigningKey key) {
		try {
			this.mongo.insert(new SigningKeyDocument(key.slot(), key.jwk(), key.activeFrom(), key.activeUntil(),
					key.publishUntil()));
			return true;
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
	}

	@Override
	public void removeUnpublished(Instant now) {
		this.mongo.remove(Query.query(Criteria.where("publishUntil").lte(now)), SigningKeyDocument.class);
	}

}
