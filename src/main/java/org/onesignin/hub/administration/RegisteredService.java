package org.onesignin.hub.administration;

import java.util.List;

import org.onesignin.hub.registry.Registry;
import org.onesignin.hub.registry.Service;
import org.onesignin.hub.registry.SignInClient;

/**
 * A service's whole registry entry as an administrator sees it: the service and the
 * sign-in clients that act for it.
 */
public record RegisteredService(Service service, List<SignInClient> clients) {

	public RegisteredService {
		clients = List.copyOf(clients);
	}

	static RegisteredService of(Registry registry, Service service) {
		return new RegisteredService(service,
				service.clientIds().stream().map((id) -> registry.client(id).orElseThrow()).toList());
	}

}
