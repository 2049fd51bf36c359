package org.onesignin.hub.registry;

import java.util.Objects;

/**
 * A group company and data controller, with its privacy contact and privacy policy.
 */
public record Company(String id, String name, String jurisdiction, int digitalAgeOfConsent,
		PrivacyContact privacyContact, PrivacyPolicy privacyPolicy) {

	public Company {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(jurisdiction, "jurisdiction");
		if (digitalAgeOfConsent < 13 || digitalAgeOfConsent > 18) {
			throw new IllegalArgumentException("Digital age of consent of " + id + " must be between 13 and 18");
		}
	}

	/** A company whose registry entry names no privacy policy. */
	public Company(String id, String name, String jurisdiction, int digitalAgeOfConsent,
			PrivacyContact privacyContact) {
		this(id, name, jurisdiction, digitalAgeOfConsent, privacyContact, null);
	}

	/**
	 * Whether a consent may name this policy version: one the company's policy lists, or
	 * any where the registry names no policy for it.
	 */
	public boolean knowsPolicyVersion(String version) {
		return this.privacyPolicy == null || this.privacyPolicy.knows(version);
	}

}
