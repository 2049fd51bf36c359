package org.onesignin.hub.registry.graphql;

import java.util.List;

import org.onesignin.hub.registry.Company;
import org.onesignin.hub.registry.RegistryManagement;
import org.onesignin.hub.registry.Service;
import org.onesignin.hub.shared.graphql.UserError;
import org.onesignin.hub.shared.SignedIn;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * The registry over GraphQL. Its records are plain immutable values whose names and
 * fields already match the schema, so they serve as the GraphQL view directly.
 */
@Controller
class RegistryGraphQlController {

	private final RegistryManagement registry;

	RegistryGraphQlController(RegistryManagement registry) {
		this.registry = registry;
	}

	@QueryMapping
	@SignedIn
	List<Company> companies() {
		return this.registry.registry().companies();
	}

	@QueryMapping
	@SignedIn
	List<Service> services() {
		return this.registry.registry().services();
	}

	/** Public: anyone may learn who controls which service and how to reach them. */
	@QueryMapping
	List<Company> privacyContacts() {
		return this.registry.registry().companies();
	}

	@SchemaMapping(typeName = "NotControllerError")
	Service service(UserError.NotControllerError error) {
		return this.registry.registry().service(error.serviceId()).orElseThrow();
	}

	@SchemaMapping(typeName = "NotControllerError")
	Company controller(UserError.NotControllerError error) {
		return this.registry.registry().controllerOf(service(error));
	}

	@SchemaMapping(typeName = "LinkedAccountsActiveError")
	List<ActiveLink> activeLinks(UserError.LinkedAccountsActiveError error) {
		return error.serviceIds()
			.stream()
			.map((id) -> this.registry.registry().service(id).orElseThrow())
			.map((service) -> new ActiveLink(service, this.registry.registry().controllerOf(service)))
			.toList();
	}

	/** An active linked service and its controller, for LinkedAccountsActiveError. */
	record ActiveLink(Service service, Company controller) {
	}

	/* In memory: resolved in place, no batch loader (see AccountGraphQlController). */

	@SchemaMapping
	List<Service> services(Company company) {
		return this.registry.registry().servicesControlledBy(company.id());
	}

	@SchemaMapping
	Company controller(Service service) {
		return this.registry.registry().controllerOf(service);
	}

}
