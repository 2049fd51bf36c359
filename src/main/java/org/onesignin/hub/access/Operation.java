package org.onesignin.hub.access;

/**
 * The columns of the access table: everything a caller can ask the hub to do with an
 * account, with the access-log action written when someone other than the person does it,
 * whether the account must be active, and whether support names a ticket for it.
 */
public enum Operation {

	REGISTER_ACCOUNT(null, false, false), READ_OWN_ACCOUNT(null, false, false), READ_ACCOUNT("READ", false, true),
	SEARCH_ACCOUNTS("SEARCH", true, true), UPDATE_BASIC_DETAILS("UPDATE", true, true),
	CHANGE_SIGN_IN_EMAIL("UPDATE", true, true), LINK_SERVICE_ACCOUNT(null, true, false),
	CANCEL_SERVICE_ACCOUNT("CANCEL", true, true), CLOSE_ACCOUNT(null, false, false),
	READ_CHANGE_HISTORY(null, false, false), READ_ACCESS_LOG(null, false, false), EXPORT_DATA(null, false, false),
	READ_PREFERENCES("READ_PREFERENCES", false, false), READ_CONSENT_HISTORY(null, false, false),
	SET_MARKETING_CONSENT("CONSENT_CHANGE", true, true), SET_GROUP_NEWS_CONSENT("CONSENT_CHANGE", true, true),
	OBJECT_TO_PROFILING("CONSENT_CHANGE", true, true), RECORD_GUARDIAN_CONSENT("CONSENT_CHANGE", true, true),
	CHECK_CONTACT_PERMISSION("CONTACT_PERMISSION", false, false), ISSUE_UNSUBSCRIBE_TOKEN(null, false, false),
	READ_SERVICE_CHANGES(null, false, false), FOLLOW_SERVICE_CHANGES(null, false, false),
	ACKNOWLEDGE_SERVICE_CHANGES(null, false, false);

	private final String auditAction;

	private final boolean needsActiveAccount;

	private final boolean ticketed;

	Operation(String auditAction, boolean needsActiveAccount, boolean ticketed) {
		this.auditAction = auditAction;
		this.needsActiveAccount = needsActiveAccount;
		this.ticketed = ticketed;
	}

	/**
	 * Whether a support agent names a ticket for it (a field of an account read with a
	 * ticket, or the contact gate, needs none of its own).
	 */
	public boolean isTicketed() {
		return this.ticketed;
	}

	/** The access-log action for this operation, or null when it is never logged. */
	public String auditAction() {
		return this.auditAction;
	}

	/** Whether the operation acts only on an active identity (others see it absent). */
	public boolean needsActiveAccount() {
		return this.needsActiveAccount;
	}

}
