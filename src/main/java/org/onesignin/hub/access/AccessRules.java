package org.onesignin.hub.access;

import org.onesignin.hub.registry.Registry;

/**
 * The named rules the access table is made of. Each is a small value, tested on its own.
 */
public final class AccessRules {

	private AccessRules() {
	}

	/** Allowed to every caller of the role; what it sees is rule 6's business. */
	public record Allowed() implements AccessRule {

		@Override
		public boolean allows(AccessRequest request, Registry registry) {
			return true;
		}

	}

	/** The person acts on their own account only (the one the token names). */
	public record OnlyTheirOwnAccount() implements AccessRule {

		@Override
		public boolean allows(AccessRequest request, Registry registry) {
			return request.accountId() != null && request.caller().isAccountOwner(request.accountId());
		}

	}

	/**
	 * Support agents, partner services and a person on a partner's own pages act only for
	 * the one company the request acts for.
	 */
	public record ActsOnlyForItsOwnCompany() implements AccessRule {

		@Override
		public boolean allows(AccessRequest request, Registry registry) {
			return request.companyId() != null && request.companyId().equals(request.caller().actingCompanyId());
		}

	}

	/**
	 * The request concerns the very service whose client obtained the token. For a person
	 * linking an account (rule 1), a service account id is the service's word, so only
	 * that service's own client may assert it, never the account pages' public client nor
	 * a partner's token alone; for a partner, it reads, follows and acknowledges only its
	 * own feed.
	 */
	public record ActsOnlyForItsOwnService() implements AccessRule {

		@Override
		public boolean allows(AccessRequest request, Registry registry) {
			return request.serviceId() != null && request.serviceId().equals(request.caller().serviceId());
		}

	}

	/**
	 * A partner service cancels its own service's accounts, not its sibling services'.
	 * Another company's service goes ahead, to be refused as NOT_CONTROLLER with the
	 * controller's contact.
	 */
	public record PartnerCancelsOnlyItsOwnService() implements AccessRule {

		@Override
		public boolean allows(AccessRequest request, Registry registry) {
			String serviceId = request.serviceId();
			if (serviceId == null || serviceId.equals(request.caller().serviceId())) {
				return true;
			}
			return registry.service(serviceId)
				.map((service) -> !service.isControlledBy(request.caller().actingCompanyId()))
				.orElse(true);
		}

	}

	/** A partner registers people only as a service of the registry. */
	public record ActsAsARegisteredService() implements AccessRule {

		@Override
		public boolean allows(AccessRequest request, Registry registry) {
			return request.caller().serviceId() != null && registry.service(request.caller().serviceId()).isPresent();
		}

	}

}
