package org.onesignin.hub.account;

import org.onesignin.hub.registry.Service;
import org.onesignin.hub.shared.Outcome;

/**
 * The decision of linking a service account: the service account is claimed for this
 * identity first (a service account belongs to at most one identity), then the aggregate
 * decides; a claim this request created is given back if the link is surely not written.
 */
final class Linking implements AccountUpdates.Decision {

	private final Service service;

	private final String serviceAccountId;

	private final ServiceAccountClaims claims;

	/** Whether an attempt of this request created the claim (a retry finds it held). */
	private boolean created;

	Linking(Service service, String serviceAccountId, ServiceAccountClaims claims) {
		this.service = service;
		this.serviceAccountId = serviceAccountId;
		this.claims = claims;
	}

	@Override
	public Outcome<AccountChange> decide(Account account, AccountUpdates.Context context) {
		ServiceAccountClaims.Claim claim = this.claims.claim(this.service.id(), this.serviceAccountId, account.id());
		this.created |= claim.created();
		if (!claim.isHeldBy(account.id())) {
			return Outcome.rejected(Registration.alreadyLinkedElsewhere("serviceAccountId"));
		}
		return account.link(this.service, this.serviceAccountId, context.origin(), context.now());
	}

	@Override
	public void abandon(Account account) {
		// a claim held before this request (an earlier, cancelled link) stays with it
		if (this.created) {
			this.claims.release(this.service.id(), this.serviceAccountId, account.id());
		}
	}

}
