package org.onesignin.hub.access;

import java.util.Optional;

import org.onesignin.hub.registry.Registry;
import org.onesignin.hub.shared.Caller;

/**
 * One named rule of rule 6: what a caller of one role sees of an account, or empty when
 * it sees nothing (which reads exactly like an absent account).
 */
@FunctionalInterface
public interface VisibilityRule {

	Optional<Visibility> of(Caller caller, AccountFacts account, Registry registry);

}
