package org.onesignin.hub.mail.persistence;

import java.time.Instant;
import java.util.Map;

import org.onesignin.hub.mail.MailKind;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One mail awaiting delivery: due at {@code nextAttemptAt}, claimed by a relay until
 * {@code claimedUntil} under the random {@code claim}.
 */
@Document("mail_outbox")
record MailOutboxDocument(@Id String id, MailKind kind, String to, String language, Map<String, String> values,
		int attempts, Instant nextAttemptAt, Instant claimedUntil, String claim, Instant createdAt,
		Instant deliveredAt) {
}
