package org.onesignin.hub.registry;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An immutable snapshot of the registry: companies and the services they control. Every
 * service must name a known controller and no OAuth client may act for two services.
 */
public final class Registry {

	private final Map<String, Company> companies = new LinkedHashMap<>();

	private final Map<String, Service> services = new LinkedHashMap<>();

	private final Map<String, Service> serviceByClient = new LinkedHashMap<>();

	private final Map<String, SignInClient> clients = new LinkedHashMap<>();

	public Registry(List<Company> companies, List<Service> services) {
		this(companies, services, List.of());
	}

	/**
	 * A registry whose sign-in clients are {@code clients} plus, as confidential clients
	 * without redirect URIs, any client a service names without declaring it.
	 */
	public Registry(List<Company> companies, List<Service> services, List<SignInClient> clients) {
		clients.stream().sorted(Comparator.comparing(SignInClient::id)).forEach((client) -> {
			if (this.clients.putIfAbsent(client.id(), client) != null) {
				throw new IllegalArgumentException("Client " + client.id() + " is declared twice");
			}
		});
		companies.stream().sorted(Comparator.comparing(Company::id)).forEach((c) -> this.companies.put(c.id(), c));
		for (Service service : services.stream().sorted(Comparator.comparing(Service::id)).toList()) {
			if (!this.companies.containsKey(service.controllerId())) {
				throw new IllegalArgumentException(
						"Service " + service.id() + " names an unknown controller " + service.controllerId());
			}
			this.services.put(service.id(), service);
			for (String clientId : service.clientIds()) {
				Service previous = this.serviceByClient.putIfAbsent(clientId, service);
				if (previous != null) {
					throw new IllegalArgumentException(
							"Client " + clientId + " acts for both " + previous.id() + " and " + service.id());
				}
				this.clients.computeIfAbsent(clientId, SignInClient::undeclared);
			}
		}
	}

	public List<Company> companies() {
		return List.copyOf(this.companies.values());
	}

	public List<Service> services() {
		return List.copyOf(this.services.values());
	}

	/** Every OAuth client of the group's sign-in, staff tooling's included. */
	public List<SignInClient> clients() {
		return List.copyOf(this.clients.values());
	}

	public Optional<Company> company(String id) {
		return Optional.ofNullable(this.companies.get(id));
	}

	public Optional<Service> service(String id) {
		return Optional.ofNullable(this.services.get(id));
	}

	/** The service an OAuth client acts for, if it acts for one. */
	public Optional<Service> serviceForClient(String clientId) {
		return Optional.ofNullable(this.serviceByClient.get(clientId));
	}

	public List<Service> servicesControlledBy(String companyId) {
		return this.services.values().stream().filter((s) -> s.isControlledBy(companyId)).toList();
	}

	public Company controllerOf(Service service) {
		return this.companies.get(service.controllerId());
	}

	public Optional<SignInClient> client(String id) {
		return Optional.ofNullable(this.clients.get(id));
	}

	/** This registry with the company added or replaced. */
	public Registry withCompany(Company company) {
		List<Company> companies = new ArrayList<>(this.companies.values());
		companies.removeIf((c) -> c.id().equals(company.id()));
		companies.add(company);
		return new Registry(companies, services(), clients());
	}

	/**
	 * This registry with the service added or replaced and its sign-in clients declared
	 * as given: a client the service no longer names is dropped (it signs nobody in), and
	 * a client id already declared for anything else is refused, so that no service can
	 * take over another's client or the staff tooling's.
	 */
	public Registry withService(Service service, List<SignInClient> serviceClients) {
		List<String> previous = service(service.id()).map(Service::clientIds).orElse(List.of());
		for (SignInClient client : serviceClients) {
			if (!service.clientIds().contains(client.id())) {
				throw new IllegalArgumentException("Client " + client.id() + " is not one of the service's clients");
			}
		}
		for (String id : service.clientIds()) {
			if (!previous.contains(id) && this.clients.containsKey(id)) {
				throw new IllegalArgumentException("Client " + id + " is already registered");
			}
		}
		Map<String, SignInClient> clients = new LinkedHashMap<>(this.clients);
		previous.stream().filter((id) -> !service.clientIds().contains(id)).forEach(clients::remove);
		serviceClients.forEach((client) -> clients.put(client.id(), client));
		List<Service> services = new ArrayList<>(this.services.values());
		services.removeIf((s) -> s.id().equals(service.id()));
		services.add(service);
		return new Registry(companies(), services, List.copyOf(clients.values()));
	}

	/**
	 * Two registries are equal when they hold the same companies, services and clients.
	 */
	@Override
	public boolean equals(Object other) {
		return other instanceof Registry that && this.companies.equals(that.companies)
				&& this.services.equals(that.services) && this.clients.equals(that.clients);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.companies, this.services, this.clients);
	}

}
