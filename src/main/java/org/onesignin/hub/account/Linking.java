package org.onesignin.hub.account;

import org.onesignin.hub.registry.Service;
import org.onesignin.hub.shared.Outcome;

/**
 * The decision of linking a service account: the service account is claimed for this
 * identity first (a service account belongs to at most one identity), then the aggregate
 * decides; the claim is given back if the link is not written.
 */
final class Linking implements AccountUpdates.Decision {

	private final Service service;

	private final String serviceAccountId;

	private final ServiceAccountClaims claims;

	Linking(Service service, String serviceAccountId, ServiceAccountClaims claims) {
		this.service = service;
		this.serviceAccountId = serviceAccountId;
		this.claims = claims;
	}

	@Override
	public Outcome<AccountChange> decide(Account account, AccountUpdates.Context context) {
		AccountId holder = this.claims.claim(this.service.id(), this.serviceAccountId, account.id());
		if (!holder.equals(account.id())) {
			return Outcome.rejected(Registration.alreadyLinkedElsewhere("serviceAccountId"));
		}
		return account.link(this.service, this.serviceAccountId, context.origin(), context.now());
	}

	@Override
	public void abandon(Account account) {
		// releases only a claim this identity holds, never another identity's
		this.claims.release(this.service.id(), this.serviceAccountId, account.id());
	}

}
