package org.onesignin.hub.preferences;

import org.onesignin.hub.access.CallerRole;

/**
 * Through what a consent was given or withdrawn.
 */
public enum ConsentSource {

	/** The person on the account pages. */
	ACCOUNT_PAGES,
	/** The person on a partner service's own pages, signed in through its client. */
	SERVICE,
	/** A support agent recording a choice given on the phone. */
	SUPPORT,
	/** A partner service acting as itself. */
	PARTNER,
	/** A one-click unsubscribe link. */
	UNSUBSCRIBE_LINK;

	/** What a caller's choice was recorded through. */
	public static ConsentSource of(CallerRole role) {
		return switch (role) {
			case OWNER -> ACCOUNT_PAGES;
			case SUPPORT_AGENT -> SUPPORT;
			case PARTNER_SERVICE -> PARTNER;
			case PERSON_THROUGH_SERVICE, ANONYMOUS -> SERVICE;
			// the access table lets no administrator change a consent
			case ADMINISTRATOR -> throw new IllegalArgumentException("An administrator records no consent");
		};
	}

}
