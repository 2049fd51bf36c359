package org.onesignin.hub.caller;

import java.util.EnumSet;
import java.util.Set;

import org.onesignin.hub.shared.CallerKind;

/**
 * What one issuer's tokens say and may assert: where its claims carry roles, company and
 * client, which role marks a support agent, and the caller kinds it may vouch for.
 */
record IssuerContract(String issuer, HubSecurityProperties.Claims claims, String supportRole, Set<CallerKind> callers) {

	/** Every kind of caller that a token can resolve to. */
	static final Set<CallerKind> TOKEN_KINDS = Set
		.copyOf(EnumSet.of(CallerKind.USER, CallerKind.PARTNER_SERVICE, CallerKind.SUPPORT_AGENT));

	IssuerContract {
		callers = Set.copyOf(callers);
	}

	/** The hub's own sign-in server: it may vouch for every caller. */
	static IssuerContract ofHub(HubSecurityProperties properties) {
		return new IssuerContract(properties.issuer(), properties.claims(), properties.supportRole(), TOKEN_KINDS);
	}

	boolean allows(CallerKind kind) {
		return this.callers.contains(kind);
	}

}
