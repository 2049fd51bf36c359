package org.onesignin.hub.access;

/**
 * Everything a caller can ask the hub to do with an account: the rows of the access
 * table, each with the access-log action written when someone other than the person does
 * it, whether it acts only on an active identity, and whether a support agent names a
 * ticket for it.
 */
public enum Operation {

	// @formatter:off (one operation a line)
	REGISTER_ACCOUNT(Traits.unlogged()),
	READ_OWN_ACCOUNT(Traits.unlogged()),
	READ_ACCOUNT(Traits.logged("READ").ticketed()),
	SEARCH_ACCOUNTS(Traits.logged("SEARCH").ticketed().activeOnly()),
	UPDATE_BASIC_DETAILS(Traits.logged("UPDATE").ticketed().activeOnly()),
	CHANGE_SIGN_IN_EMAIL(Traits.logged("UPDATE").ticketed().activeOnly()),
	CHANGE_PASSWORD(Traits.unlogged().activeOnly()),
	LINK_SERVICE_ACCOUNT(Traits.unlogged().activeOnly()),
	CANCEL_SERVICE_ACCOUNT(Traits.logged("CANCEL").ticketed().activeOnly()),
	CLOSE_ACCOUNT(Traits.unlogged()),
	READ_CHANGE_HISTORY(Traits.unlogged()),
	READ_ACCESS_LOG(Traits.unlogged()),
	EXPORT_DATA(Traits.unlogged()),
	// a field of an account already read (with its ticket)
	READ_PREFERENCES(Traits.logged("READ_PREFERENCES")),
	READ_CONSENT_HISTORY(Traits.unlogged()),
	SET_MARKETING_CONSENT(Traits.logged("CONSENT_CHANGE").ticketed().activeOnly()),
	SET_GROUP_NEWS_CONSENT(Traits.logged("CONSENT_CHANGE").ticketed().activeOnly()),
	OBJECT_TO_PROFILING(Traits.logged("CONSENT_CHANGE").ticketed().activeOnly()),
	RECORD_GUARDIAN_CONSENT(Traits.logged("CONSENT_CHANGE").ticketed().activeOnly()),
	CHECK_CONTACT_PERMISSION(Traits.logged("CONTACT_PERMISSION")),
	ISSUE_UNSUBSCRIBE_TOKEN(Traits.unlogged()),
	READ_SERVICE_CHANGES(Traits.unlogged()),
	FOLLOW_SERVICE_CHANGES(Traits.unlogged()),
	ACKNOWLEDGE_SERVICE_CHANGES(Traits.unlogged()),
	READ_SERVICE_WEBHOOK(Traits.unlogged()),
	REDELIVER_SERVICE_CHANGES(Traits.unlogged()),
	CONFIRM_SERVICE_WEBHOOK(Traits.unlogged()),
	// the registry's own log keeps these (they concern no account)
	ADMINISTER_REGISTRY(Traits.unlogged()),
	READ_REGISTRY_CHANGES(Traits.unlogged());
	// @formatter:on

	private final Traits traits;

	Operation(Traits traits) {
		this.traits = traits;
	}

	/** The access-log action for this operation, or null when it is never logged. */
	public String auditAction() {
		return this.traits.action();
	}

	/** Whether the operation acts only on an active identity (others see it absent). */
	public boolean needsActiveAccount() {
		return this.traits.needsActive();
	}

	/** Whether a support agent names a ticket for it. */
	public boolean isTicketed() {
		return this.traits.needsTicket();
	}

	/** What an operation is, spelt out by name. */
	private record Traits(String action, boolean needsTicket, boolean needsActive) {

		static Traits logged(String action) {
			return new Traits(action, false, false);
		}

		static Traits unlogged() {
			return new Traits(null, false, false);
		}

		Traits ticketed() {
			return new Traits(this.action, true, this.needsActive);
		}

		Traits activeOnly() {
			return new Traits(this.action, this.needsTicket, true);
		}

	}

}
