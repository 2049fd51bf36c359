package org.onesignin.hub.access;

import java.util.Set;

/**
 * What the access policy needs to know of an account to decide who sees it: its id,
 * whether it is active, and the services it is (or was) linked to.
 */
public interface AccountFacts {

	String accountId();

	boolean isActive();

	/** Services with an active link. */
	Set<String> activeServiceIds();

	/** Services ever linked, cancelled links included. */
	Set<String> linkedServiceIds();

}
