package org.onesignin.hub.audit.persistence;

import org.onesignin.hub.audit.AccessLog;
import org.onesignin.hub.audit.AccessLogEntry;
import org.onesignin.hub.shared.Page;
import org.onesignin.hub.shared.PageRequest;
import org.onesignin.hub.shared.persistence.Cursors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

@Component
class MongoAccessLog implements AccessLog {

	private final MongoTemplate mongo;

	private static final int DUPLICATE_KEY = 11000;

	private final AccessLogDocumentMapper mapper;

	MongoAccessLog(MongoTemplate mongo, AccessLogDocumentMapper mapper) {
		this.mongo = mongo;
		this.mapper = mapper;
		mongo.indexOps(AccessLogDocument.class)
			.createIndex(new Index().on("accountId", Sort.Direction.ASC).on("time", Sort.Direction.ASC));
	}

	@Override
	public void append(AccessLogEntry entry) {
		try {
			// the unique _id decides, in the store: no instance keeps a list of what it
			// wrote, so a crash or a second instance cannot make an entry appear twice
			this.mongo.insert(this.mapper.toDocument(entry));
		}
		catch (DuplicateKeyException ex) {
			// the same access of the same request, already written: the first copy stays
		}
	}

	@Override
	public void appendAll(java.util.List<AccessLogEntry> entries) {
		if (entries.isEmpty()) {
			return;
		}
		try {
			this.mongo
				.bulkOps(org.springframework.data.mongodb.core.BulkOperations.BulkMode.UNORDERED,
						AccessLogDocument.class)
				.insert(entries.stream().map(this.mapper::toDocument).toList())
				.execute();
		}
		catch (org.springframework.data.mongodb.BulkOperationException ex) {
			// unordered: every other entry was written; one already there stays as it is
			if (!ex.getErrors().stream().allMatch((error) -> error.getCode() == DUPLICATE_KEY)) {
				throw ex;
			}
		}
	}

	@Override
	public Page<AccessLogEntry> page(String accountId, PageRequest page) {
		Query query = Query.query(Criteria.where("accountId").is(accountId))
			.with(Sort.by("time", "id"))
			.limit(page.size());
		return Cursors.scroll(page, (position) -> this.mongo.scroll(query.with(position), AccessLogDocument.class),
				this.mapper::toDomain);
	}

}
