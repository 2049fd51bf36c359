package org.onesignin.hub.registry.persistence;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

@Document("companies")
record CompanyDocument(@Id String id, String name, String jurisdiction, int digitalAgeOfConsent,
		PrivacyContactDocument privacyContact, PrivacyPolicyDocument privacyPolicy) {

	record PrivacyContactDocument(String email, String postalAddress, String webForm) {
	}

	record PrivacyPolicyDocument(String url, java.util.List<String> versions) {
	}

}
