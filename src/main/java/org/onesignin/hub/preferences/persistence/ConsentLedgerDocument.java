package org.onesignin.hub.preferences.persistence;

import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The former shape of a consent ledger, one growing document per person (id = account
 * id); read only by {@link ConsentLedgerMigration}, which rewrites it as
 * {@link ConsentChangeDocument}s.
 */
@Document(ConsentLedgerDocument.COLLECTION)
record ConsentLedgerDocument(@Id String id, long version, List<ConsentChangeDocument.RecordDocument> records,
		List<ConsentChangeDocument.EventDocument> outbox) {

	static final String COLLECTION = "consent_ledgers";

}
