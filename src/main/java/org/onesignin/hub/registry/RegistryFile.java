package org.onesignin.hub.registry;

import java.util.List;
import java.util.Set;

import org.onesignin.hub.shared.BasicDetailField;

/**
 * The shape of the registry YAML file, bound with Spring Boot's {@code Binder}.
 */
record RegistryFile(List<CompanyEntry> companies, List<ServiceEntry> services, List<ClientEntry> clients) {

	record CompanyEntry(String id, String name, String jurisdiction, int digitalAgeOfConsent,
			PrivacyContact privacyContact, PrivacyPolicy privacyPolicy) {
	}

	record ServiceEntry(String id, String name, String controller, List<String> clients,
			Set<BasicDetailField> syncedFields, Cancellation cancellation, Boolean verifiesEmails, Webhook webhook) {
	}

	/**
	 * Where the service's feed is POSTed; its signing secret comes from configuration.
	 */
	record Webhook(String url) {
	}

	record ClientEntry(String id, SignInClient.Type type, List<String> redirectUris,
			List<String> postLogoutRedirectUris) {
	}

	Registry toRegistry() {
		return new Registry(
				this.companies.stream()
					.map((c) -> new Company(c.id(), c.name(), c.jurisdiction(), c.digitalAgeOfConsent(),
							c.privacyContact(), c.privacyPolicy()))
					.toList(),
				this.services.stream()
					.map((s) -> new Service(s.id(), s.name(), s.controller(), s.clients(), s.syncedFields(),
							s.cancellation(), Boolean.TRUE.equals(s.verifiesEmails()),
							(s.webhook() != null) ? s.webhook().url() : null))
					.toList(),
				(this.clients != null) ? this.clients.stream()
					.map((c) -> new SignInClient(c.id(), c.type(), c.redirectUris(), c.postLogoutRedirectUris()))
					.toList() : List.of());
	}

}
