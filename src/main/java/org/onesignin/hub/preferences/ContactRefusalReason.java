package org.onesignin.hub.preferences;

/**
 * Why a company may not contact a person now.
 */
public enum ContactRefusalReason {

	ACCOUNT_NOT_ACTIVE, NO_CONSENT, WITHDRAWN, ADDRESS_UNSUBSCRIBED, MINOR_WITHOUT_GUARDIAN_CONSENT, PROFILING_OBJECTED

}
