package org.onesignin.hub.registry;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The registry as the store holds it: the snapshot, its revision (one more with every
 * write, so an instance knows by one number whether its copy is current), and the entries
 * an administrator has changed through the API. The YAML file seeds the rest: on every
 * start its entries replace those no administrator has touched.
 *
 * @param revision the number of writes so far
 * @param registry the companies, services and sign-in clients
 * @param administered keys ({@link #company}, {@link #service}, {@link #client}) of the
 * entries an administrator changed: the file no longer seeds them
 */
public record StoredRegistry(long revision, Registry registry, Set<String> administered) {

	public StoredRegistry {
		administered = Set.copyOf(administered);
	}

	public static String company(String id) {
		return "company:" + id;
	}

	public static String service(String id) {
		return "service:" + id;
	}

	public static String client(String id) {
		return "client:" + id;
	}

	/**
	 * The registry the file seeds: every entry of the file where no administrator changed
	 * that entry, every administered entry as the administrator left it, companies and
	 * services the file no longer names kept (accounts may still be linked to them), and
	 * sign-in clients it no longer names dropped unless administered (a client taken out
	 * of the file signs nobody in).
	 */
	public Registry seededWith(Registry file) {
		List<Company> companies = new ArrayList<>(file.companies()
			.stream()
			.map((c) -> this.administered.contains(company(c.id())) ? this.registry.company(c.id()).orElse(c) : c)
			.toList());
		Set<String> named = new HashSet<>(companies.stream().map(Company::id).toList());
		this.registry.companies().stream().filter((c) -> !named.contains(c.id())).forEach(companies::add);
		List<Service> services = new ArrayList<>(file.services()
			.stream()
			.map((s) -> this.administered.contains(service(s.id())) ? this.registry.service(s.id()).orElse(s) : s)
			.toList());
		Set<String> namedServices = new HashSet<>(services.stream().map(Service::id).toList());
		this.registry.services().stream().filter((s) -> !namedServices.contains(s.id())).forEach(services::add);
		List<SignInClient> clients = new ArrayList<>();
		Set<String> namedClients = new HashSet<>();
		for (SignInClient fromFile : file.clients()) {
			namedClients.add(fromFile.id());
			clients.add(this.administered.contains(client(fromFile.id()))
					? this.registry.client(fromFile.id()).orElse(fromFile) : fromFile);
		}
		this.registry.clients()
			.stream()
			.filter((c) -> !namedClients.contains(c.id()) && this.administered.contains(client(c.id())))
			.forEach(clients::add);
		return new Registry(companies, services, clients);
	}

}
