package org.onesignin.hub.account.persistence;

import java.util.List;

import org.onesignin.hub.account.AccountId;
import org.onesignin.hub.account.ChangeHistory;
import org.onesignin.hub.account.ChangeHistoryEntry;
import org.onesignin.hub.shared.Page;
import org.onesignin.hub.shared.PageRequest;
import org.onesignin.hub.shared.persistence.Cursors;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

@Component
class MongoChangeHistory implements ChangeHistory {

	private final MongoTemplate mongo;

	private final AccountDocumentMapper mapper;

	MongoChangeHistory(MongoTemplate mongo, AccountDocumentMapper mapper) {
		this.mongo = mongo;
		this.mapper = mapper;
		mongo.indexOps(HistoryEntryDocument.class)
			.createIndex(new Index().on("accountId", Sort.Direction.ASC).on("revision", Sort.Direction.ASC));
	}

	@Override
	public void saveAll(List<ChangeHistoryEntry> entries) {
		if (entries.isEmpty()) {
			return;
		}
		// one write for all; each an upsert by id: relaying an entry twice keeps one copy
		org.springframework.data.mongodb.core.BulkOperations upserts = this.mongo.bulkOps(
				org.springframework.data.mongodb.core.BulkOperations.BulkMode.UNORDERED, HistoryEntryDocument.class);
		for (ChangeHistoryEntry entry : entries) {
			HistoryEntryDocument document = this.mapper.toDocument(entry);
			upserts.replaceOne(Query.query(Criteria.where("_id").is(document.id())), document,
					org.springframework.data.mongodb.core.FindAndReplaceOptions.options().upsert());
		}
		upserts.execute();
	}

	@Override
	public void deleteAll(AccountId accountId) {
		this.mongo.remove(Query.query(Criteria.where("accountId").is(accountId.value())), HistoryEntryDocument.class);
	}

	@Override
	public Page<ChangeHistoryEntry> page(AccountId accountId, PageRequest page) {
		Query query = Query.query(Criteria.where("accountId").is(accountId.value()))
			.with(Sort.by("revision", "id"))
			.limit(page.size());
		return Cursors.scroll(page, (position) -> this.mongo.scroll(query.with(position), HistoryEntryDocument.class),
				this.mapper::toDomain);
	}

}
