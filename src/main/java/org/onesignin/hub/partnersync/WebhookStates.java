package org.onesignin.hub.partnersync;

import java.util.Optional;

/**
 * Port: each service's webhook delivery state, in the store (so another instance takes
 * over where a dead one stopped).
 */
public interface WebhookStates {

	Optional<WebhookState> find(String serviceId);

	/** Creates the state unless one exists; answers the stored one. */
	WebhookState createIfAbsent(WebhookState initial);

	void save(WebhookState state);

}
