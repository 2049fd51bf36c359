package org.onesignin.hub.signin.persistence;

import java.time.Clock;
import java.util.Date;

import org.onesignin.hub.account.AccountClosed;
import org.onesignin.hub.account.PasswordChanged;
import org.onesignin.hub.signin.SignInRevocations;
import org.onesignin.hub.signin.SignInSessionConfiguration;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/**
 * Ends sign-in sessions that must not last: every session and authorization of a closed
 * identity, or of one whose password changed, at once (a token request would refuse the
 * identity anyway), and expired sessions on a schedule (real MongoDB also has the TTL
 * index Spring Session declares; the embedded store ignores TTL indexes).
 */
@Component
class SignInSessionsInStore {

	private final FindByIndexNameSessionRepository<? extends Session> sessions;

	private final SignInRevocations authorizations;

	private final MongoTemplate mongo;

	private final Clock clock;

	SignInSessionsInStore(FindByIndexNameSessionRepository<? extends Session> sessions,
			SignInRevocations authorizations, MongoTemplate mongo, Clock clock) {
		this.sessions = sessions;
		this.authorizations = authorizations;
		this.mongo = mongo;
		this.clock = clock;
	}

	@EventListener
	void endSessionsOf(AccountClosed closed) {
		endSessionsOf(closed.accountId().value());
	}

	/** Whatever the old password obtained ends with it. */
	@EventListener
	void endSessionsOf(PasswordChanged changed) {
		endSessionsOf(changed.accountId().value());
	}

	private void endSessionsOf(String accountId) {
		// a person's sessions and authorizations are kept by their principal name, the
		// account id
		this.sessions.findByPrincipalName(accountId).keySet().forEach(this.sessions::deleteById);
		this.authorizations.revokeAllOf(accountId);
	}

	@Scheduled(fixedDelayString = "${hub.sign-in.session-purge-interval:5m}")
	void purgeExpired() {
		this.mongo.remove(Query.query(Criteria.where("expireAt").lt(Date.from(this.clock.instant()))),
				SignInSessionConfiguration.COLLECTION);
	}

}
