package org.onesignin.hub.partnersync;

import java.util.LinkedHashMap;
import java.util.Map;

import org.onesignin.hub.account.ServiceChange;

/**
 * Serialises a service change as a CloudEvents 1.0 JSON envelope.
 */
public final class CloudEvents {

	static final String TYPE_PREFIX = "org.onesignin.hub.";

	private CloudEvents() {
	}

	public static Map<String, Object> envelope(ServiceChange change) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("accountId", change.accountId());
		data.put("serviceAccountId", change.serviceAccountId());
		data.put("revision", change.revision());
		data.put("changedFields", change.changedFields().stream().map((f) -> f.fieldName()).toList());
		data.put("details", change.data());
		// who made the change, but not through which other company or service: a service
		// must not learn the person's other services from its feed
		Map<String, Object> origin = new LinkedHashMap<>();
		origin.put("actorKind", change.origin().actorKind().name());
		origin.put("throughThisService", change.serviceId().equals(change.origin().serviceId()));
		data.put("origin", origin);
		Map<String, Object> event = new LinkedHashMap<>();
		event.put("specversion", "1.0");
		event.put("id", change.id());
		event.put("source", "/one-sign-in-hub/services/" + change.serviceId());
		event.put("type", TYPE_PREFIX + change.type());
		event.put("subject", change.serviceAccountId());
		event.put("time", change.time().toString());
		event.put("datacontenttype", "application/json");
		event.put("data", data);
		return event;
	}

}
