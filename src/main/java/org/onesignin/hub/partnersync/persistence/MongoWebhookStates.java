package org.onesignin.hub.partnersync.persistence;

import java.util.Optional;

import org.onesignin.hub.partnersync.WebhookState;
import org.onesignin.hub.partnersync.WebhookStates;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** Each service's webhook delivery state, one document per service. */
@Component
class MongoWebhookStates implements WebhookStates {

	private final MongoTemplate mongo;

	private final WebhookStateDocumentMapper mapper;

	MongoWebhookStates(MongoTemplate mongo, WebhookStateDocumentMapper mapper) {
		this.mongo = mongo;
		this.mapper = mapper;
	}

	@Override
	public Optional<WebhookState> find(String serviceId) {
		return Optional.ofNullable(this.mongo.findById(serviceId, WebhookStateDocument.class))
			.map(this.mapper::toDomain);
	}

	@Override
	public WebhookState createIfAbsent(WebhookState initial) {
		try {
			this.mongo.insert(this.mapper.toDocument(initial));
			return initial;
		}
		catch (DuplicateKeyException ex) {
			// another instance created it first: theirs stands
			return find(initial.serviceId()).orElseThrow();
		}
	}

	@Override
	public Optional<WebhookState> save(WebhookState state) {
		WebhookStateDocument next = this.mapper.toDocument(state);
		Update update = new Update().set("deliveredUpTo", next.deliveredUpTo())
			.set("status", next.status())
			.set("attempts", next.attempts())
			.set("nextAttemptAt", next.nextAttemptAt())
			.set("lastError", next.lastError())
			.set("lastDeliveredAt", next.lastDeliveredAt())
			.set("url", next.url())
			.set("version", state.version() + 1);
		Query basedOn = Query.query(Criteria.where("_id").is(state.serviceId()).and("version").is(state.version()));
		WebhookStateDocument saved = this.mongo.findAndModify(basedOn, update,
				FindAndModifyOptions.options().returnNew(true), WebhookStateDocument.class);
		return Optional.ofNullable(saved).map(this.mapper::toDomain);
	}

}
