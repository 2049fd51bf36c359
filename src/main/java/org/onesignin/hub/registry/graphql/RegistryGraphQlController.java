package org.onesignin.hub.registry.graphql;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.onesignin.hub.registry.Company;
import org.onesignin.hub.registry.RegistryManagement;
import org.onesignin.hub.registry.Service;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

/**
 * The registry over GraphQL. Its records are plain immutable values whose names and
 * fields already match the schema, so they serve as the GraphQL view directly.
 */
@Controller
@PreAuthorize("isAuthenticated()")
class RegistryGraphQlController {

	private final RegistryManagement registry;

	RegistryGraphQlController(RegistryManagement registry) {
		this.registry = registry;
	}

	@QueryMapping
	List<Company> companies() {
		return this.registry.registry().companies();
	}

	@QueryMapping
	List<Service> services() {
		return this.registry.registry().services();
	}

	@BatchMapping
	Map<Company, List<Service>> services(List<Company> companies) {
		return companies.stream()
			.collect(Collectors.toMap(Function.identity(),
					(company) -> this.registry.registry().servicesControlledBy(company.id())));
	}

	@BatchMapping
	Map<Service, Company> controller(List<Service> services) {
		return services.stream()
			.collect(Collectors.toMap(Function.identity(), (service) -> this.registry.registry().controllerOf(service)));
	}

}
