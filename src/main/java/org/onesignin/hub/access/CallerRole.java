package org.onesignin.hub.access;

import org.onesignin.hub.shared.Caller;

/**
 * The columns of the access table: what a caller is for the hub's rules, derived from its
 * token. A person's token counts as the owner's full self-service only when the account
 * pages obtained it; through a partner service's own client it carries that service's
 * view and powers.
 */
public enum CallerRole {

	/** The person on the account pages. */
	OWNER,
	/** The person signed in through a partner service's own client. */
	PERSON_THROUGH_SERVICE,
	/** An agent of one company's support centre. */
	SUPPORT_AGENT,
	/** A partner service acting as itself with client credentials. */
	PARTNER_SERVICE,
	/** Staff managing the registry: companies and services, never accounts. */
	ADMINISTRATOR,
	/** No token. */
	ANONYMOUS;

	public static CallerRole of(Caller caller) {
		if (caller == null) {
			return ANONYMOUS;
		}
		return switch (caller.kind()) {
			case USER -> caller.accountPages() ? OWNER : PERSON_THROUGH_SERVICE;
			case SUPPORT_AGENT -> SUPPORT_AGENT;
			case PARTNER_SERVICE -> PARTNER_SERVICE;
			case ADMINISTRATOR -> ADMINISTRATOR;
			case ANONYMOUS -> ANONYMOUS;
		};
	}

	public boolean isPerson() {
		return this == OWNER || this == PERSON_THROUGH_SERVICE;
	}

}
