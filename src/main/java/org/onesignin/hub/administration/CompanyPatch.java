package org.onesignin.hub.administration;

import org.onesignin.hub.registry.PrivacyContact;

/**
 * What an administrator changes of a company: each field null where unchanged. A privacy
 * policy names its URL and current version; a version new to the company is appended to
 * its versions, which never lose one (consents name them).
 */
public record CompanyPatch(String companyId, String name, Integer digitalAgeOfConsent, PrivacyContact privacyContact,
		String privacyPolicyUrl, String currentPolicyVersion) {

}
