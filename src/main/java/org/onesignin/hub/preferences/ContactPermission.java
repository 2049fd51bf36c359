package org.onesignin.hub.preferences;

import java.util.List;

/**
 * The marketing gate's answer: allowed, or the reasons it is not.
 */
public record ContactPermission(boolean allowed, List<ContactRefusalReason> reasons) {

	public ContactPermission {
		reasons = List.copyOf(reasons);
	}

	static ContactPermission of(List<ContactRefusalReason> reasons) {
		return new ContactPermission(reasons.isEmpty(), reasons);
	}

}
