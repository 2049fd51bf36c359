package org.onesignin.hub.registry.persistence;

/** A company, inside the registry document. */
record CompanyDocument(String id, String name, String jurisdiction, int digitalAgeOfConsent,
		PrivacyContactDocument privacyContact, PrivacyPolicyDocument privacyPolicy) {

	record PrivacyContactDocument(String email, String postalAddress, String webForm) {
	}

	record PrivacyPolicyDocument(String url, java.util.List<String> versions) {
	}

}
