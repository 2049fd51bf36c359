package org.onesignin.hub.signin.persistence;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One key's failed sign-ins: the count since {@code windowStart}, its lockout, and when
 * the document is of no more use.
 */
@Document("sign_in_failures")
record SignInFailureDocument(@Id String id, long failures, Instant windowStart, Instant lockedUntil,
		Instant expiresAt) {
}
