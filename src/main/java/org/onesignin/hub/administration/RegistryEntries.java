package org.onesignin.hub.administration;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.onesignin.hub.registry.Company;
import org.onesignin.hub.registry.Service;
import org.onesignin.hub.registry.SignInClient;

/**
 * A registry entry's fields as the change log records them: plain values (text, lists,
 * maps), so that the log shows what a field was and became.
 */
final class RegistryEntries {

	private RegistryEntries() {
	}

	static Map<String, Object> of(Service service, List<SignInClient> clients) {
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("name", service.name());
		fields.put("controllerId", service.controllerId());
		fields.put("syncedFields", service.syncedFields().stream().map(Enum::name).sorted().toList());
		fields.put("clients", clients.stream().map(RegistryEntries::of).toList());
		if (service.cancellation() != null) {
			Map<String, Object> cancellation = new LinkedHashMap<>();
			putIfPresent(cancellation, "url", service.cancellation().url());
			putIfPresent(cancellation, "instructions", service.cancellation().instructions());
			fields.put("cancellation", cancellation);
		}
		fields.put("verifiesEmails", service.verifiesEmails());
		putIfPresent(fields, "webhookUrl", service.webhookUrl());
		return fields;
	}

	static Map<String, Object> of(Company company) {
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("name", company.name());
		fields.put("digitalAgeOfConsent", company.digitalAgeOfConsent());
		if (company.privacyContact() != null) {
			Map<String, Object> contact = new LinkedHashMap<>();
			putIfPresent(contact, "email", company.privacyContact().email());
			putIfPresent(contact, "postalAddress", company.privacyContact().postalAddress());
			putIfPresent(contact, "webForm", company.privacyContact().webForm());
			fields.put("privacyContact", contact);
		}
		if (company.privacyPolicy() != null) {
			fields.put("privacyPolicy",
					Map.of("url", company.privacyPolicy().url(), "versions", company.privacyPolicy().versions()));
		}
		return fields;
	}

	private static Map<String, Object> of(SignInClient client) {
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("id", client.id());
		fields.put("type", client.type().name());
		fields.put("redirectUris", client.redirectUris());
		fields.put("postLogoutRedirectUris", client.postLogoutRedirectUris());
		return fields;
	}

	private static void putIfPresent(Map<String, Object> fields, String name, Object value) {
		if (value != null) {
			fields.put(name, value);
		}
	}

}
