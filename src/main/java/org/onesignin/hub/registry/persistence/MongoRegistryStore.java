package org.onesignin.hub.registry.persistence;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.bson.Document;

import org.onesignin.hub.registry.Registry;
import org.onesignin.hub.registry.RegistryChange;
import org.onesignin.hub.registry.RegistryStore;
import org.onesignin.hub.registry.StoredRegistry;
import org.onesignin.hub.shared.Page;
import org.onesignin.hub.shared.PageRequest;
import org.onesignin.hub.shared.persistence.Cursors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

@Component
class MongoRegistryStore implements RegistryStore {

	/** Where the registry lived, one document per entry, before it was one document. */
	private static final List<String> FORMER_COLLECTIONS = List.of("companies", "services", "sign_in_clients");

	private final MongoTemplate mongo;

	private final RegistryDocumentMapper mapper;

	MongoRegistryStore(MongoTemplate mongo, RegistryDocumentMapper mapper) {
		this.mongo = mongo;
		this.mapper = mapper;
	}

	@Override
	public Optional<StoredRegistry> load() {
		return Optional.ofNullable(this.mongo.findById(RegistryDocument.ID, RegistryDocument.class))
			.map(this::toDomain);
	}

	@Override
	public Optional<Registry> former() {
		if (FORMER_COLLECTIONS.stream().noneMatch(this.mongo::collectionExists)) {
			return Optional.empty();
		}
		// the former documents had the same shape, one per collection entry
		return Optional.of(new Registry(
				this.mongo.findAll(CompanyDocument.class, "companies").stream().map(this.mapper::toDomain).toList(),
				this.mongo.findAll(ServiceDocument.class, "services").stream().map(this.mapper::toDomain).toList(),
				this.mongo.findAll(SignInClientDocument.class, "sign_in_clients")
					.stream()
					.map(this.mapper::toDomain)
					.toList()));
	}

	@Override
	public long revision() {
		Query query = Query.query(Criteria.where("_id").is(RegistryDocument.ID));
		query.fields().include("revision");
		Document found = this.mongo.findOne(query, Document.class, "registry");
		return (found != null) ? ((Number) found.get("revision")).longValue() : -1;
	}

	@Override
	public boolean replace(long expected, StoredRegistry next, Optional<RegistryChange> change) {
		List<RegistryChangeDocument> changes = change.map(this::toDocument).stream().toList();
		if (expected < 0) {
			try {
				this.mongo.insert(toDocument(next, changes));
			}
			catch (DuplicateKeyException ex) {
				return false;
			}
			// the registry's entries were upserted from the file on each start: the file
			// seeds the one document now
			FORMER_COLLECTIONS.stream().filter(this.mongo::collectionExists).forEach(this.mongo::dropCollection);
			return true;
		}
		RegistryDocument document = toDocument(next, List.of());
		Update update = new Update().set("revision", next.revision())
			.set("companies", document.companies())
			.set("services", document.services())
			.set("clients", document.clients())
			.set("administered", document.administered());
		changes.forEach((entry) -> update.push("unloggedChanges", entry));
		Query current = Query.query(Criteria.where("_id").is(RegistryDocument.ID).and("revision").is(expected));
		return this.mongo.updateFirst(current, update, RegistryDocument.class).getModifiedCount() == 1;
	}

	@Override
	public void moveChangesToLog() {
		RegistryDocument document = this.mongo.findById(RegistryDocument.ID, RegistryDocument.class);
		if (document == null || document.unloggedChanges() == null || document.unloggedChanges().isEmpty()) {
			return;
		}
		for (RegistryChangeDocument entry : document.unloggedChanges()) {
			try {
				this.mongo.insert(entry);
			}
			catch (DuplicateKeyException ex) {
				// moved already by another instance: the first copy stays
			}
		}
		// only while no other write came: a newer write's entry stays until moved
		this.mongo.updateFirst(
				Query.query(Criteria.where("_id").is(RegistryDocument.ID).and("revision").is(document.revision())),
				new Update().set("unloggedChanges", List.of()), RegistryDocument.class);
	}

	@Override
	public Page<RegistryChange> changes(PageRequest page) {
		Query query = new Query().with(Sort.by("revision", "id")).limit(page.size());
		return Cursors.scroll(page, (position) -> this.mongo.scroll(query.with(position), RegistryChangeDocument.class),
				this::toDomain);
	}

	private StoredRegistry toDomain(RegistryDocument document) {
		Registry registry = new Registry(document.companies().stream().map(this.mapper::toDomain).toList(),
				document.services().stream().map(this.mapper::toDomain).toList(),
				document.clients().stream().map(this.mapper::toDomain).toList());
		return new StoredRegistry(document.revision(), registry,
				Set.copyOf((document.administered() != null) ? document.administered() : List.of()));
	}

	private RegistryDocument toDocument(StoredRegistry stored, List<RegistryChangeDocument> changes) {
		Registry registry = stored.registry();
		return new RegistryDocument(RegistryDocument.ID, stored.revision(),
				registry.companies().stream().map(this.mapper::toDocument).toList(),
				registry.services().stream().map(this.mapper::toDocument).toList(),
				registry.clients().stream().map(this.mapper::toDocument).toList(),
				stored.administered().stream().sorted().toList(), changes);
	}

	private RegistryChangeDocument toDocument(RegistryChange change) {
		return this.mapper.toDocument(change);
	}

	private RegistryChange toDomain(RegistryChangeDocument document) {
		return this.mapper.toDomain(document);
	}

}
