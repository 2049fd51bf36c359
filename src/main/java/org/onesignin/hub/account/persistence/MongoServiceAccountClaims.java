package org.onesignin.hub.account.persistence;

import java.util.Optional;

import org.onesignin.hub.account.AccountId;
import org.onesignin.hub.account.ServiceAccountClaims;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

@Component
class MongoServiceAccountClaims implements ServiceAccountClaims {

	private final MongoTemplate mongo;

	MongoServiceAccountClaims(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public Claim claim(String serviceId, String serviceAccountId, AccountId accountId) {
		try {
			this.mongo.insert(new ServiceAccountClaimDocument(key(serviceId, serviceAccountId), serviceId,
					serviceAccountId, accountId.value()));
			return new Claim(accountId, true);
		}
		catch (DuplicateKeyException ex) {
			// released between the insert and this read: claim it again
			return holder(serviceId, serviceAccountId).map((holder) -> new Claim(holder, false))
				.orElseGet(() -> claim(serviceId, serviceAccountId, accountId));
		}
	}

	@Override
	public void release(String serviceId, String serviceAccountId, AccountId accountId) {
		this.mongo.remove(Query
			.query(Criteria.where("_id").is(key(serviceId, serviceAccountId)).and("accountId").is(accountId.value())),
				ServiceAccountClaimDocument.class);
	}

	@Override
	public Optional<AccountId> holder(String serviceId, String serviceAccountId) {
		return Optional
			.ofNullable(this.mongo.findById(key(serviceId, serviceAccountId), ServiceAccountClaimDocument.class))
			.map((claim) -> new AccountId(claim.accountId()));
	}

	@Override
	public java.util.List<String> heldBy(AccountId accountId) {
		return this.mongo
			.find(Query.query(Criteria.where("accountId").is(accountId.value())), ServiceAccountClaimDocument.class)
			.stream()
			.map(ServiceAccountClaimDocument::id)
			.toList();
	}

	@Override
	public void releaseAll(AccountId accountId) {
		this.mongo.remove(Query.query(Criteria.where("accountId").is(accountId.value())),
				ServiceAccountClaimDocument.class);
	}

	private static String key(String serviceId, String serviceAccountId) {
		return serviceId + "/" + serviceAccountId;
	}

}
