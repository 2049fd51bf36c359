package org.onesignin.hub.partnersync.persistence;

import java.util.Optional;

import org.onesignin.hub.partnersync.WebhookState;
import org.onesignin.hub.partnersync.WebhookStates;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
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
	public void save(WebhookState state) {
		this.mongo.save(this.mapper.toDocument(state));
	}

}
