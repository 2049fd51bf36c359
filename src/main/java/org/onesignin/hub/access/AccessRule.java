package org.onesignin.hub.access;

import org.onesignin.hub.registry.Registry;

/**
 * One named rule of the access table: whether a request of a caller role may go ahead. A
 * refusal is FORBIDDEN; an account outside the caller's scope is a separate matter
 * ({@link AccessPolicy#scope}) and reads as absent.
 */
@FunctionalInterface
public interface AccessRule {

	boolean allows(AccessRequest request, Registry registry);

}
