package org.onesignin.hub.registry.persistence;

import java.util.List;
import java.util.Set;

import org.onesignin.hub.shared.BasicDetailField;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

@Document("services")
record ServiceDocument(@Id String id, String name, String controllerId, List<String> clientIds,
		Set<BasicDetailField> syncedFields, CancellationDocument cancellation, Boolean verifiesEmails,
		String webhookUrl) {

	record CancellationDocument(String url, String instructions) {
	}

}
