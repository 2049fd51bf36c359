package org.onesignin.hub.account;

import java.util.Optional;

/**
 * Port: which identity each service account belongs to; unique per service and service
 * account id, so a service account can never be linked to two identities.
 */
public interface ServiceAccountClaims {

	/**
	 * Claims the service account for the identity. Returns the identity that holds it
	 * after the call: the given one when claimed (or already held), another one
	 * otherwise.
	 */
	AccountId claim(String serviceId, String serviceAccountId, AccountId accountId);

	void release(String serviceId, String serviceAccountId, AccountId accountId);

	Optional<AccountId> holder(String serviceId, String serviceAccountId);

	/** The "service/serviceAccountId" keys held by the identity. */
	java.util.List<String> heldBy(AccountId accountId);

	void releaseAll(AccountId accountId);

}
