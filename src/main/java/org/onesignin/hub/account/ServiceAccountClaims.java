package org.onesignin.hub.account;

import java.util.Optional;

/**
 * Port: which identity each service account belongs to; unique per service and service
 * account id, so a service account can never be linked to two identities.
 */
public interface ServiceAccountClaims {

	/**
	 * Claims the service account for the identity: who holds it after the call (the given
	 * identity when claimed or already held, another one otherwise) and whether this very
	 * call created the claim (only such a claim may be given back when the link fails).
	 */
	Claim claim(String serviceId, String serviceAccountId, AccountId accountId);

	void release(String serviceId, String serviceAccountId, AccountId accountId);

	Optional<AccountId> holder(String serviceId, String serviceAccountId);

	/** The "service/serviceAccountId" keys held by the identity. */
	java.util.List<String> heldBy(AccountId accountId);

	void releaseAll(AccountId accountId);

	/** The outcome of a claim: its holder, and whether this call created it. */
	record Claim(AccountId holder, boolean created) {

		public boolean isHeldBy(AccountId accountId) {
			return this.holder.equals(accountId);
		}

	}

}
