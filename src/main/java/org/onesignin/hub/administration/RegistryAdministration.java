package org.onesignin.hub.administration;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

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
import org.onesignin.hub.registry.RegistryEdit;
import org.onesignin.hub.registry.RegistryManagement;
import org.onesignin.hub.registry.Service;
import org.onesignin.hub.registry.SignInClient;
import org.onesignin.hub.registry.StoredRegistry;
import org.onesignin.hub.shared.Caller;
import org.onesignin.hub.shared.Outcome;
import org.onesignin.hub.shared.Rejection;
import org.onesignin.hub.shared.SignedIn;
import org.onesignin.hub.shared.UserErrorCode;

/**
 * Application service for the registry's administrators: creating and changing services
 * (synced fields, sign-in clients and redirect URIs, cancellation, webhook) and companies
 * (privacy contact and policy). Each change goes one way: authorised, decided on the
 * registry as stored, checked whole, written in one conditional write with its entry in
 * the registry's change log (the values before and after), and seen by every instance
 * within the refresh interval.
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

	public Outcome<RegisteredService> createService(Caller caller, ServiceEntry entry) {
		return change(caller, "CREATE_SERVICE", entry.id(), (current) -> {
			RegistryEntryChecks checks = checks();
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
			return withService(current, Optional.empty(), service, entry.clients());
		}).map((next) -> RegisteredService.of(next, next.service(entry.id()).orElseThrow()));
	}

	/**
	 * Changes what the patch names. The account pages' clients a service has stay as the
	 * registry file declares them. A field taken out of {@code syncedFields} reaches the
	 * service no more from the next change on: the feed's entries are computed from the
	 * registry as it stands when a change is made.
	 */
	public Outcome<RegisteredService> updateService(Caller caller, ServicePatch patch) {
		return change(caller, "UPDATE_SERVICE", patch.serviceId(), (current) -> {
			Optional<Service> found = current.service(patch.serviceId());
			if (found.isEmpty()) {
				return Outcome.rejected(Rejection.onField(UserErrorCode.NOT_FOUND, "serviceId", "No such service"));
			}
			Service existing = found.get();
			RegistryEntryChecks checks = checks();
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
			List<SignInClient> clients = new ArrayList<>(clientsOf(current, existing).stream()
				.filter((client) -> patch.clients() == null || this.accountPagesClients.contains(client.id()))
				.toList());
			if (patch.clients() != null) {
				clients.addAll(patch.clients());
			}
			Service service = new Service(existing.id(),
					(patch.name() != null) ? patch.name().strip() : existing.name(), existing.controllerId(),
					clients.stream().map(SignInClient::id).toList(),
					(patch.syncedFields() != null) ? patch.syncedFields() : existing.syncedFields(),
					(patch.cancellation() != null) ? patch.cancellation() : existing.cancellation(),
					(patch.verifiesEmails() != null) ? patch.verifiesEmails() : existing.verifiesEmails(),
					patch.webhookGiven() ? patch.webhookUrl() : existing.webhookUrl());
			return withService(current, Optional.of(existing), service, clients);
		}).map((next) -> RegisteredService.of(next, next.service(patch.serviceId()).orElseThrow()));
	}

	public Outcome<Company> updateCompany(Caller caller, CompanyPatch patch) {
		return change(caller, "UPDATE_COMPANY", patch.companyId(), (current) -> {
			Optional<Company> found = current.company(patch.companyId());
			if (found.isEmpty()) {
				return Outcome.rejected(Rejection.onField(UserErrorCode.NOT_FOUND, "companyId", "No such company"));
			}
			Company existing = found.get();
			RegistryEntryChecks checks = checks();
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
				policy = checks.privacyPolicy(existing.privacyPolicy(), patch.privacyPolicyUrl(),
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
			Registry next = current.withCompany(company);
			Optional<Rejection> overflow = RegistryEntryChecks.overflowOf(next);
			if (overflow.isPresent()) {
				return Outcome.rejected(overflow.get());
			}
			Set<String> touched = company.equals(existing) ? Set.of() : Set.of(StoredRegistry.company(company.id()));
			return Outcome
				.done(RegistryEdit.of(next, touched, RegistryEntries.of(existing), RegistryEntries.of(company)));
		}).map((next) -> next.company(patch.companyId()).orElseThrow());
	}

	/**
	 * The one way a change is made: refused as FORBIDDEN to anyone but an administrator,
	 * then decided, checked and written by the registry.
	 */
	private Outcome<Registry> change(Caller caller, String action, String target,
			Function<Registry, Outcome<RegistryEdit>> decision) {
		this.policy.authorize(AccessRequest.of(caller, Operation.ADMINISTER_REGISTRY));
		Outcome<Registry> outcome = this.registry.change(caller.kind(), caller.subject(), action, target, decision);
		if (outcome instanceof Outcome.Done<Registry>) {
			log.info("Registry: {} {}", action, target);
		}
		return outcome;
	}

	private RegistryEntryChecks checks() {
		return new RegistryEntryChecks(this.accountPagesClients);
	}

	/**
	 * The registry with the service and its clients, and the entries whose value changed;
	 * or the refusal when a client id is already another's or the registry is full.
	 */
	private static Outcome<RegistryEdit> withService(Registry current, Optional<Service> existing, Service service,
			List<SignInClient> clients) {
		Registry next;
		try {
			next = current.withService(service, clients);
		}
		catch (IllegalArgumentException ex) {
			// the registry's own refusal names a client id, nothing internal
			return Outcome.rejected(Rejection.invalid("clients", ex.getMessage()));
		}
		Optional<Rejection> overflow = RegistryEntryChecks.overflowOf(next);
		if (overflow.isPresent()) {
			return Outcome.rejected(overflow.get());
		}
		Set<String> touched = new HashSet<>();
		if (!existing.equals(Optional.of(service))) {
			touched.add(StoredRegistry.service(service.id()));
		}
		Set<String> clientIds = new HashSet<>(service.clientIds());
		existing.ifPresent((previous) -> clientIds.addAll(previous.clientIds()));
		for (String id : clientIds) {
			Optional<SignInClient> before = existing.filter((previous) -> previous.clientIds().contains(id))
				.flatMap((previous) -> current.client(id));
			Optional<SignInClient> after = next.client(id).filter((client) -> service.clientIds().contains(id));
			if (!before.equals(after)) {
				touched.add(StoredRegistry.client(id));
			}
		}
		Map<String, Object> was = existing.map((previous) -> RegistryEntries.of(previous, clientsOf(current, previous)))
			.orElse(Map.of());
		return Outcome.done(RegistryEdit.of(next, touched, was, RegistryEntries.of(service, clientsOf(next, service))));
	}

	private static List<SignInClient> clientsOf(Registry registry, Service service) {
		return service.clientIds().stream().map((id) -> registry.client(id).orElseThrow()).toList();
	}

	private void webhook(RegistryEntryChecks checks, String serviceId, String url) {
		if (url == null) {
			return;
		}
		if (checks.webUrl(url, "webhook.url", false) && serviceId != null) {
			this.webhooks.refusalOf(serviceId, url)
				.ifPresent((reason) -> checks.refuse("webhook.url", "The hub would not deliver there: " + reason));
		}
	}

}
