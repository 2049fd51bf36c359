package org.onesignin.hub.support;

import java.util.Map;

/**
 * A person's account at one service, to link to their identity:
 * {@code aServiceAccount().at("sony-music").withId("sm-" + id)}. The person links it
 * signed in through that service's own client.
 */
public final class ServiceAccount {

	private String serviceId;

	private String id;

	private ServiceAccount() {
	}

	public static ServiceAccount aServiceAccount() {
		return new ServiceAccount();
	}

	public ServiceAccount at(String serviceId) {
		this.serviceId = serviceId;
		return this;
	}

	/** The service's own id for the account. */
	public ServiceAccount withId(String id) {
		this.id = id;
		return this;
	}

	public String serviceId() {
		return this.serviceId;
	}

	/** The client through which the person signs in to link it: the service's own. */
	public String clientId() {
		return this.serviceId;
	}

	public Map<String, Object> toInput() {
		return Map.of("serviceId", this.serviceId, "serviceAccountId", this.id);
	}

}
