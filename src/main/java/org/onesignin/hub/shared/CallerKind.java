package org.onesignin.hub.shared;

/**
 * The kinds of caller the hub knows; every request resolves to exactly one.
 */
public enum CallerKind {

	/**
	 * The account owner, signed in through a client of a service (account pages or a
	 * partner's sign-in).
	 */
	USER,
	/** An agent of one company's support centre. */
	SUPPORT_AGENT,
	/** A partner service acting as itself with client credentials. */
	PARTNER_SERVICE,
	/**
	 * A member of the group's staff who manages the registry; sees no account.
	 */
	ADMINISTRATOR,
	/** No token at all. */
	ANONYMOUS

}
