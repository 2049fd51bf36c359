package org.onesignin.hub.caller;

import java.util.EnumSet;
import java.util.Set;

import org.onesignin.hub.shared.Caller;
import org.onesignin.hub.shared.CallerKind;

/**
 * What one issuer's tokens say and may assert: where its claims carry roles, company and
 * client, which roles mark a support agent and an administrator, and the caller kinds it
 * may vouch for.
 */
record IssuerContract(String issuer, HubSecurityProperties.Claims claims, String supportRole, String administratorRole,
		Set<CallerKind> callers, Set<String> companies) {

	/** Every kind of caller that a token can resolve to. */
	static final Set<CallerKind> TOKEN_KINDS = Set.copyOf(EnumSet.of(CallerKind.USER, CallerKind.PARTNER_SERVICE,
			CallerKind.SUPPORT_AGENT, CallerKind.ADMINISTRATOR));

	/**
	 * An issuer that may assert the given kinds; {@code companies} bounds the support
	 * agents it may assert (null: any company of the registry).
	 */
	IssuerContract {
		callers = Set.copyOf(callers);
		companies = (companies != null) ? Set.copyOf(companies) : null;
	}

	/** The hub's own sign-in server: it may vouch for every caller. */
	static IssuerContract ofHub(HubSecurityProperties properties) {
		return new IssuerContract(properties.issuer(), properties.claims(), properties.supportRole(),
				properties.administratorRole(), TOKEN_KINDS, null);
	}

	/** Whether this issuer may vouch for the caller: its kind, and an agent's company. */
	boolean allows(Caller caller) {
		if (!this.callers.contains(caller.kind())) {
			return false;
		}
		return caller.kind() != CallerKind.SUPPORT_AGENT || this.companies == null
				|| (caller.actingCompanyId() != null && this.companies.contains(caller.actingCompanyId()));
	}

}
