package org.onesignin.hub.account.persistence;

import java.time.Instant;

import org.onesignin.hub.account.ChangedField;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

@Document("change_history")
record HistoryEntryDocument(@Id String id, String accountId, int revision, ChangedField field, String before,
		String after, AccountDocument.OriginDocument origin, java.time.Instant time) {
}
