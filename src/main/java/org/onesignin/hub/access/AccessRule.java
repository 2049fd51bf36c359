package org.onesignin.hub.access;

import org.onesignin.hub.registry.Registry;

/**
 * One named rule of the access table: whether a request of a caller role may go ahead. A
 * refusal is FORBIDDEN; an account the caller does not see is a separate matter
 * ({@link AccessPolicy#visibility}) and reads as absent.
 */
@FunctionalInterface
public interface AccessRule {

	boolean allows(AccessRequest request, Registry registry);

}
