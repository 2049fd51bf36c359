package org.onesignin.hub.registry.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.onesignin.hub.shared.CallerKind;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

@Document("registry_changes")
record RegistryChangeDocument(@Id String id, long revision, CallerKind actorKind, String actorId, String action,
		String target, List<String> fields, Map<String, Object> before, Map<String, Object> after, Instant time) {

}
