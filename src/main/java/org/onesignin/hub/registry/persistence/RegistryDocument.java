package org.onesignin.hub.registry.persistence;

import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The whole registry in one document, written whole and only where its revision is the
 * one the writer read; the log entries of its changes ride in it until moved to the log.
 */
@Document("registry")
record RegistryDocument(@Id String id, long revision, List<CompanyDocument> companies, List<ServiceDocument> services,
		List<SignInClientDocument> clients, List<String> administered, List<RegistryChangeDocument> unloggedChanges) {

	static final String ID = "registry";

}
