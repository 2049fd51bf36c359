package org.onesignin.hub.account;

import java.time.Instant;

import org.onesignin.hub.shared.ChangeOrigin;

/**
 * One field-level change of basic details (or of the password, without values): the
 * field, its value before and after, who made it and through what, and when. The owner
 * can read the whole history of their account.
 */
public record ChangeHistoryEntry(String id, String accountId, int revision, ChangedField field, String before,
		String after, ChangeOrigin origin, Instant time) {
}
