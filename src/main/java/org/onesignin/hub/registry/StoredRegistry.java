package org.onesignin.hub.registry;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
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
	 * that entry, every administered entry as the administrator left it (one an
	 * administrator removed stays removed), companies and services the file no longer
	 * names kept (accounts may still be linked to them), and sign-in clients it no longer
	 * names dropped unless administered (a client taken out of the file signs nobody in).
	 */
	public Registry seededWith(Registry file) {
		List<Company> companies = new ArrayList<>();
		file.companies()
			.forEach((c) -> seed(company(c.id()), c, this.registry.company(c.id())).ifPresent(companies::add));
		Set<String> named = new HashSet<>(file.companies().stream().map(Company::id).toList());
		this.registry.companies().stream().filter((c) -> !named.contains(c.id())).forEach(companies::add);
		List<Service> services = new ArrayList<>();
		file.services()
			.forEach((s) -> seed(service(s.id()), s, this.registry.service(s.id())).ifPresent(services::add));
		Set<String> namedServices = new HashSet<>(file.services().stream().map(Service::id).toList());
		this.registry.services().stream().filter((s) -> !namedServices.contains(s.id())).forEach(services::add);
		List<SignInClient> clients = new ArrayList<>();
		file.clients().forEach((c) -> seed(client(c.id()), c, this.registry.client(c.id())).ifPresent(clients::add));
		Set<String> namedClients = new HashSet<>(file.clients().stream().map(SignInClient::id).toList());
		this.registry.clients()
			.stream()
			.filter((c) -> !namedClients.contains(c.id()) && this.administered.contains(client(c.id())))
			.forEach(clients::add);
		return new Registry(companies, services, clients);
	}

	/**
	 * The keys of the file's entries that differ from the administered ones they leave
	 * alone, for the start to say which of the file's lines take no effect.
	 */
	public List<String> heldAgainst(Registry file) {
		List<String> held = new ArrayList<>();
		file.companies()
			.stream()
			.filter((c) -> differs(company(c.id()), c, this.registry.company(c.id())))
			.forEach((c) -> held.add(company(c.id())));
		file.services()
			.stream()
			.filter((s) -> differs(service(s.id()), s, this.registry.service(s.id())))
			.forEach((s) -> held.add(service(s.id())));
		file.clients()
			.stream()
			.filter((c) -> differs(client(c.id()), c, this.registry.client(c.id())))
			.forEach((c) -> held.add(client(c.id())));
		return held;
	}

	private <T> Optional<T> seed(String key, T fromFile, Optional<T> stored) {
		return this.administered.contains(key) ? stored : Optional.of(fromFile);
	}

	private <T> boolean differs(String key, T fromFile, Optional<T> stored) {
		return this.administered.contains(key) && !stored.map(fromFile::equals).orElse(false);
	}

}
