package org.onesignin.hub.registry.persistence;

import java.util.List;
import java.util.Set;

import org.onesignin.hub.shared.BasicDetailField;

/** A service, inside the registry document. */
record ServiceDocument(String id, String name, String controllerId, List<String> clientIds,
		Set<BasicDetailField> syncedFields, CancellationDocument cancellation, Boolean verifiesEmails,
		String webhookUrl) {

	record CancellationDocument(String url, String instructions) {
	}

}
