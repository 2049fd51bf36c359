package org.onesignin.hub.shared.graphql;

/**
 * The GraphQL {@code Account} as other modules see it when they add fields to it: its id.
 */
public interface AccountSource {

	String id();

}
