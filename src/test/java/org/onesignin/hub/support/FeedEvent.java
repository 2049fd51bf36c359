package org.onesignin.hub.support;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * One node of a service's {@code serviceChanges} feed, as its partner reads it.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FeedEvent(String id, String type, String accountId, String serviceAccountId, Integer revision,
		List<String> changedFields, Map<String, Object> data, Map<String, Object> cloudEvent) {

	public boolean isAbout(String accountId) {
		return accountId.equals(this.accountId);
	}

	public boolean hasType(String type) {
		return type.equals(this.type);
	}

}
