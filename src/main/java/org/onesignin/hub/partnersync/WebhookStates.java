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

	/**
	 * Saves the state if the stored one is still the version it was based on; answers the
	 * saved state (its version counted on), or empty when another save came first.
	 */
	Optional<WebhookState> save(WebhookState state);

}
