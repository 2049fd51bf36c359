package org.onesignin.hub.administration;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.onesignin.hub.access.AccessPolicy;
import org.onesignin.hub.access.AccessRequest;
import org.onesignin.hub.access.Operation;
import org.onesignin.hub.caller.HubSecurityProperties;
import org.onesignin.hub.partnersync.WebhookManagement;
import org.onesignin.hub.registry.Company;
import org.onesignin.hub.registry.PrivacyPolicy;
import org.onesignin.hub.registry.Registry;
import org.onesignin.hub.registry.RegistryChange;
import org.onesignin.hub.registry.RegistryEdit;
import org.onesignin.hub.registry.RegistryManagement;
import org.onesignin.hub.registry.Service;
import org.onesignin.hub.registry.SignInClient;
import org.onesignin.hub.registry.StoredRegistry;
import org.onesignin.hub.shared.Caller;
import org.onesignin.hub.shared.CallerKind;
import org.onesignin.hub.shared.Outcome;
import org.onesignin.hub.shared.Page;
import org.onesignin.hub.shared.PageRequest;
import org.onesignin.hub.shared.Rejection;
import org.onesignin.hub.shared.SignedIn;
import org.onesignin.hub.shared.UserErrorCode;

/**
 * Application service for the registry's administrators: creating and changing services
 * (synced fields, sign-in clients and redirect URIs, cancellation, webhook) and companies
 * (privacy contact and policy). Each change is decided on the registry as stored, checked
 * whole, written in one conditional write with its entry in the registry's change log,
 * and seen by every instance within the refresh interval.
 */
@org.springframework.stereotype.Service
@SignedIn
public class RegistryAdministration {

	private static final Logger log = LoggerFactory.getLogger(RegistryAdministration.class);

	private final AccessPolicy policy;

	private final RegistryManagement registry;

	private final WebhookManagement webhooks;

	private final List<String> accountPagesClients;

	RegistryAdministration(AccessPolicy policy, RegistryManagement registry, WebhookManagement webhooks,
			HubSecurityProperties security) {
		this.policy = policy;
		this.registry = registry;
		this.webhooks = webhooks;
		this.accountPagesClients = security.accountPagesClients();
	}

	/**
	 * A service's whole entry, sign-in clients included; empty for an unknown service.
	 */
	public Optional<RegisteredService> service(Caller caller, String serviceId) {
		this.policy.authorize(AccessRequest.of(caller, Operation.ADMINISTER_REGISTRY));
		Registry current = this.registry.registry();
		return current.service(serviceId).map((service) -> RegisteredService.of(current, service));
	}

	public Outcome<RegisteredService> createService(Caller caller, ServiceEntry entry) {
		this.policy.authorize(AccessRequest.of(caller, Operation.ADMINISTER_REGISTRY));
		return change(caller, "CREATE_SERVICE", entry.id(), (current) -> {
			RegistryEntryChecks checks = new RegistryEntryChecks(this.accountPagesClients);
			checks.serviceId(entry.id(), "id");
			if (entry.id() != null && current.service(entry.id()).isPresent()) {
				checks.refuse("id", "A service with this id exists: change it with updateService");
			}
			checks.name(entry.name(), "name");
			if (entry.controllerId() == null || current.company(entry.controllerId()).isEmpty()) {
				checks.refuse("controllerId", "Must be a company of the registry");
			}
			checks.clients(entry.clients(), "clients");
			checks.cancellation(entry.cancellation(), "cancellation");
			webhook(checks, entry.id(), entry.webhookUrl());
			if (!checks.rejections().isEmpty()) {
				return Outcome.rejected(checks.rejections());
			}
			Service service = new Service(entry.id(), entry.name().strip(), entry.controllerId(),
					entry.clients().stream().map(SignInClient::id).toList(), entry.syncedFields(), entry.cancellation(),
					entry.verifiesEmails(), entry.webhookUrl());
			return withService(current, service, entry.clients(), List.of("id", "name", "controllerId", "syncedFields",
					"clients", "cancellation", "verifiesEmails", "webhook"));
		}).map((next) -> RegisteredService.of(next, next.service(entry.id()).orElseThrow()));
	}

	/**
	 * Changes what the patch names. A field taken out of {@code syncedFields} reaches the
	 * service no more from the next change on: the feed's entries are computed from the
	 * registry as it stands when a change is made.
	 */
	public Outcome<RegisteredService> updateService(Caller caller, ServicePatch patch) {
		this.policy.authorize(AccessRequest.of(caller, Operation.ADMINISTER_REGISTRY));
		return change(caller, "UPDATE_SERVICE", patch.serviceId(), (current) -> {
			Optional<Service> found = current.service(patch.serviceId());
			if (found.isEmpty()) {
				return Outcome.rejected(Rejection.onField(UserErrorCode.NOT_FOUND, "serviceId", "No such service"));
			}
			Service existing = found.get();
			RegistryEntryChecks checks = new RegistryEntryChecks(this.accountPagesClients);
			if (patch.name() != null) {
				checks.name(patch.name(), "name");
			}
			if (patch.clients() != null) {
				checks.clients(patch.clients(), "clients");
			}
			checks.cancellation(patch.cancellation(), "cancellation");
			if (patch.webhookGiven() && !Objects.equals(patch.webhookUrl(), existing.webhookUrl())) {
				webhook(checks, existing.id(), patch.webhookUrl());
			}
			if (!checks.rejections().isEmpty()) {
				return Outcome.rejected(checks.rejections());
			}
			List<SignInClient> clients = (patch.clients() != null) ? patch.clients()
					: existing.clientIds().stream().map((id) -> current.client(id).orElseThrow()).toList();
			Service service = new Service(existing.id(),
					(patch.name() != null) ? patch.name().strip() : existing.name(), existing.controllerId(),
					clients.stream().map(SignInClient::id).toList(),
					(patch.syncedFields() != null) ? patch.syncedFields() : existing.syncedFields(),
					(patch.cancellation() != null) ? patch.cancellation() : existing.cancellation(),
					(patch.verifiesEmails() != null) ? patch.verifiesEmails() : existing.verifiesEmails(),
					patch.webhookGiven() ? patch.webhookUrl() : existing.webhookUrl());
			return withService(current, service, clients, changedFields(existing, service, current, clients));
		}).map((next) -> RegisteredService.of(next, next.service(patch.serviceId()).orElseThrow()));
	}

	public Outcome<Company> updateCompany(Caller caller, CompanyPatch patch) {
		this.policy.authorize(AccessRequest.of(caller, Operation.ADMINISTER_REGISTRY));
		return change(caller, "UPDATE_COMPANY", patch.companyId(), (current) -> {
			Optional<Company> found = current.company(patch.companyId());
			if (found.isEmpty()) {
				return Outcome.rejected(Rejection.onField(UserErrorCode.NOT_FOUND, "companyId", "No such company"));
			}
			Company existing = found.get();
			RegistryEntryChecks checks = new RegistryEntryChecks(this.accountPagesClients);
			if (patch.name() != null) {
				checks.name(patch.name(), "name");
			}
			if (patch.digitalAgeOfConsent() != null
					&& (patch.digitalAgeOfConsent() < 13 || patch.digitalAgeOfConsent() > 18)) {
				checks.refuse("digitalAgeOfConsent", "Must be between 13 and 18 (GDPR Article 8, COPPA)");
			}
			checks.privacyContact(patch.privacyContact(), "privacyContact");
			PrivacyPolicy policy = existing.privacyPolicy();
			if (patch.privacyPolicyUrl() != null || patch.currentPolicyVersion() != null) {
				policy = policy(checks, existing.privacyPolicy(), patch.privacyPolicyUrl(),
						patch.currentPolicyVersion());
			}
			if (!checks.rejections().isEmpty()) {
				return Outcome.rejected(checks.rejections());
			}
			Company company = new Company(existing.id(),
					(patch.name() != null) ? patch.name().strip() : existing.name(), existing.jurisdiction(),
					(patch.digitalAgeOfConsent() != null) ? patch.digitalAgeOfConsent()
							: existing.digitalAgeOfConsent(),
					(patch.privacyContact() != null) ? patch.privacyContact() : existing.privacyContact(), policy);
			List<String> fields = new ArrayList<>();
			addIfChanged(fields, "name", existing.name(), company.name());
			addIfChanged(fields, "digitalAgeOfConsent", existing.digitalAgeOfConsent(), company.digitalAgeOfConsent());
			addIfChanged(fields, "privacyContact", existing.privacyContact(), company.privacyContact());
			addIfChanged(fields, "privacyPolicy", existing.privacyPolicy(), company.privacyPolicy());
			return Outcome.done(new RegistryEdit(current.withCompany(company),
					Set.of(StoredRegistry.company(company.id())), fields));
		}).map((next) -> next.company(patch.companyId()).orElseThrow());
	}

	/** The registry's change log, oldest first. */
	public Page<RegistryChange> changes(Caller caller, PageRequest page) {
		this.policy.authorize(AccessRequest.of(caller, Operation.READ_REGISTRY_CHANGES));
		return this.registry.changes(page);
	}

	private Outcome<Registry> change(Caller caller, String action, String target,
			java.util.function.Function<Registry, Outcome<RegistryEdit>> decision) {
		Outcome<Registry> outcome = this.registry.change(CallerKind.ADMINISTRATOR, caller.subject(), action, target,
				decision);
		if (outcome instanceof Outcome.Done<Registry>) {
			log.info("Registry: {} {}", action, target);
		}
		return outcome;
	}

	/**
	 * The registry with the service and its clients, or the refusal when a client id is
	 * already another's.
	 */
	private static Outcome<RegistryEdit> withService(Registry current, Service service, List<SignInClient> clients,
			List<String> fields) {
		Registry next;
		try {
			next = current.withService(service, clients);
		}
		catch (IllegalArgumentException ex) {
			// the registry's own refusal names a client id, nothing internal
			return Outcome.rejected(Rejection.invalid("clients", ex.getMessage()));
		}
		Set<String> touched = new HashSet<>();
		touched.add(StoredRegistry.service(service.id()));
		clients.forEach((client) -> touched.add(StoredRegistry.client(client.id())));
		current.service(service.id())
			.ifPresent((previous) -> previous.clientIds().forEach((id) -> touched.add(StoredRegistry.client(id))));
		return Outcome.done(new RegistryEdit(next, touched, fields));
	}

	private void webhook(RegistryEntryChecks checks, String serviceId, String url) {
		if (url == null) {
			return;
		}
		checks.webUrl(url, "webhook.url", false);
		if (serviceId != null) {
			this.webhooks.refusalOf(serviceId, url)
				.ifPresent((reason) -> checks.refuse("webhook.url", "The hub would not deliver there: " + reason));
		}
	}

	/**
	 * The policy with its new URL and current version: a version new to the company is
	 * appended; an earlier one cannot come back as current (versions move forward).
	 */
	private static PrivacyPolicy policy(RegistryEntryChecks checks, PrivacyPolicy existing, String url,
			String version) {
		checks.webUrl(url, "privacyPolicy.url", false);
		List<String> versions = new ArrayList<>((existing != null) ? existing.versions() : List.of());
		if (version == null || version.isBlank() || version.length() > 100) {
			checks.refuse("privacyPolicy.currentVersion", "Must be 1 to 100 characters");
			return existing;
		}
		if (versions.contains(version) && !version.equals(versions.get(versions.size() - 1))) {
			checks.refuse("privacyPolicy.currentVersion",
					"Was superseded: versions move forward (a new version gets a new name)");
			return existing;
		}
		if (!versions.contains(version)) {
			versions.add(version);
		}
		return (url != null) ? new PrivacyPolicy(url, versions) : existing;
	}

	private static List<String> changedFields(Service existing, Service service, Registry current,
			List<SignInClient> clients) {
		List<String> fields = new ArrayList<>();
		addIfChanged(fields, "name", existing.name(), service.name());
		addIfChanged(fields, "syncedFields", existing.syncedFields(), service.syncedFields());
		addIfChanged(fields, "clients",
				existing.clientIds().stream().map((id) -> current.client(id).orElse(null)).toList(), clients);
		addIfChanged(fields, "cancellation", existing.cancellation(), service.cancellation());
		addIfChanged(fields, "verifiesEmails", existing.verifiesEmails(), service.verifiesEmails());
		addIfChanged(fields, "webhook", existing.webhookUrl(), service.webhookUrl());
		return fields;
	}

	private static void addIfChanged(List<String> fields, String name, Object before, Object after) {
		if (!Objects.equals(before, after)) {
			fields.add(name);
		}
	}

}
