package org.onesignin.hub.registry;

import java.util.Objects;

/**
 * A group company and data controller.
 */
public record Company(String id, String name, String jurisdiction, int digitalAgeOfConsent,
		PrivacyContact privacyContact) {

	public Company {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(jurisdiction, "jurisdiction");
		if (digitalAgeOfConsent < 13 || digitalAgeOfConsent > 18) {
			throw new IllegalArgumentException("Digital age of consent of " + id + " must be between 13 and 18");
		}
	}

}
