package org.onesignin.hub.preferences;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.onesignin.hub.registry.Company;
import org.onesignin.hub.shared.ChangeOrigin;
import org.onesignin.hub.shared.Rejection;

/**
 * A requested change: for which company (if any), the new state, the policy version the
 * person saw, who asks and through what.
 */
public record ConsentChange(Company company, ConsentState newState, String policyVersion, ChangeOrigin origin,
		ConsentSource source, Instant time) {

	List<Rejection> problems() {
		return problems(this.newState, this.policyVersion);
	}

	/** What is wrong with a requested state and policy version, every problem at once. */
	static List<Rejection> problems(ConsentState newState, String policyVersion) {
		List<Rejection> problems = new ArrayList<>();
		if (newState == ConsentState.NOT_ASKED) {
			problems.add(Rejection.invalid("state", "Choose GRANTED or WITHDRAWN"));
		}
		if (policyVersion == null || policyVersion.isBlank() || policyVersion.length() > 100) {
			problems.add(Rejection.invalid("policyVersion", "Name the privacy policy version the person saw"));
		}
		return problems;
	}

}
