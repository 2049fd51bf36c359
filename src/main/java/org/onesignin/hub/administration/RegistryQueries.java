package org.onesignin.hub.administration;

import java.util.Optional;

import org.onesignin.hub.access.AccessPolicy;
import org.onesignin.hub.access.AccessRequest;
import org.onesignin.hub.access.Operation;
import org.onesignin.hub.registry.Registry;
import org.onesignin.hub.registry.RegistryChange;
import org.onesignin.hub.registry.RegistryManagement;
import org.onesignin.hub.shared.Caller;
import org.onesignin.hub.shared.Page;
import org.onesignin.hub.shared.PageRequest;
import org.onesignin.hub.shared.SignedIn;

/**
 * What the registry's administrators read: a service's whole entry and the change log.
 */
@org.springframework.stereotype.Service
@SignedIn
public class RegistryQueries {

	private final AccessPolicy policy;

	private final RegistryManagement registry;

	RegistryQueries(AccessPolicy policy, RegistryManagement registry) {
		this.policy = policy;
		this.registry = registry;
	}

	/**
	 * A service's whole entry, sign-in clients included; empty for an unknown service.
	 */
	public Optional<RegisteredService> service(Caller caller, String serviceId) {
		this.policy.authorize(AccessRequest.of(caller, Operation.ADMINISTER_REGISTRY));
		Registry current = this.registry.registry();
		return current.service(serviceId).map((service) -> RegisteredService.of(current, service));
	}

	/** The registry's change log, oldest first. */
	public Page<RegistryChange> changes(Caller caller, PageRequest page) {
		this.policy.authorize(AccessRequest.of(caller, Operation.READ_REGISTRY_CHANGES));
		return this.registry.changes(page);
	}

}
