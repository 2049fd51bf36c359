package org.onesignin.hub.shared;

/**
 * Stable codes of the business refusals a caller can act on; part of the API contract.
 */
public enum UserErrorCode {

	VALIDATION, EMAIL_TAKEN, WEAK_PASSWORD, STALE_REVISION, ALREADY_LINKED_ELSEWHERE, NOT_CONTROLLER,
	LINKED_ACCOUNTS_ACTIVE, GUARDIAN_CONSENT_REQUIRED, INVALID_TOKEN, NOT_FOUND,

	/** The service is not entitled to the basic-detail field. */
	NOT_ENTITLED,

	/** The identity already has an active link to another account of that service. */
	SERVICE_ALREADY_LINKED,
	/** The sign-in email is not verified yet (confirm it with the mailed link first). */
	EMAIL_NOT_VERIFIED,
	/** The current password given is not the identity's password. */
	WRONG_PASSWORD

}
