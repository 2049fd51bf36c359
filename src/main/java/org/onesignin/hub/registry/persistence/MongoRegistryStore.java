package org.onesignin.hub.registry.persistence;

import org.onesignin.hub.registry.Registry;
import org.onesignin.hub.registry.RegistryStore;
import org.onesignin.hub.registry.SignInClient;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

@Component
class MongoRegistryStore implements RegistryStore {

	private final MongoTemplate mongo;

	private final RegistryDocumentMapper mapper;

	MongoRegistryStore(MongoTemplate mongo, RegistryDocumentMapper mapper) {
		this.mongo = mongo;
		this.mapper = mapper;
	}

	@Override
	public void upsert(Registry registry) {
		registry.companies().forEach((company) -> this.mongo.save(this.mapper.toDocument(company)));
		registry.services().forEach((service) -> this.mongo.save(this.mapper.toDocument(service)));
		registry.clients().forEach((client) -> this.mongo.save(this.mapper.toDocument(client)));
		// the file is the list of clients: one dropped from it signs nobody in
		this.mongo.remove(
				Query.query(Criteria.where("_id").nin(registry.clients().stream().map(SignInClient::id).toList())),
				SignInClientDocument.class);
	}

	@Override
	public Registry load() {
		return new Registry(this.mongo.findAll(CompanyDocument.class).stream().map(this.mapper::toDomain).toList(),
				this.mongo.findAll(ServiceDocument.class).stream().map(this.mapper::toDomain).toList(),
				this.mongo.findAll(SignInClientDocument.class).stream().map(this.mapper::toDomain).toList());
	}

}
