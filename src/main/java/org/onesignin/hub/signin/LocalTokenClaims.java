package org.onesignin.hub.signin;

import java.util.List;

import org.onesignin.hub.caller.HubSecurityProperties;
import org.onesignin.hub.registry.RegistryManagement;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;

/**
 * The claims the sign-in server puts in access tokens, in the same shape a configured
 * external issuer would use: audience, the client that obtained the token ({@code azp}),
 * {@code client_id} only on client-credentials tokens, for support agents their role and
 * company, and for administrators their role.
 */
class LocalTokenClaims {

	private final HubSecurityProperties properties;

	private final RegistryManagement registry;

	LocalTokenClaims(HubSecurityProperties properties, RegistryManagement registry) {
		this.properties = properties;
		this.registry = registry;
	}

	/**
	 * Whether the user may obtain a token through the client. Staff sign in only through
	 * staff tooling (a client acting for no service): a service's back end that sends a
	 * signed-in agent's or administrator's browser through its own authorize request must
	 * not come away with their powers, and the sign-in session is shared.
	 */
	boolean admits(String clientId, HubUser user) {
		return !user.isStaff() || this.registry.registry().serviceForClient(clientId).isEmpty();
	}

	void forClient(JwtClaimsSet.Builder claims, String clientId) {
		claims.audience(List.of(this.properties.audience()))
			.claim(this.properties.claims().clientId(), clientId)
			.claim(this.properties.claims().serviceAccount(), clientId);
	}

	/**
	 * The ID token's email claims. Only an identity with a verified sign-in email can
	 * sign in, so a person's is verified; demo staff's address is configuration, never
	 * verified.
	 */
	void forIdToken(JwtClaimsSet.Builder claims, HubUser user) {
		claims.claim("email", user.email()).claim("email_verified", !user.isStaff());
	}

	void forPerson(JwtClaimsSet.Builder claims, String clientId, HubUser user) {
		claims.subject(user.getUsername())
			.audience(List.of(this.properties.audience()))
			.claim(this.properties.claims().clientId(), clientId);
		if (user.isAdministrator()) {
			claims.claim(this.properties.claims().roles(), List.of(this.properties.administratorRole()));
		}
		else if (user.isSupportAgent()) {
			claims.claim(this.properties.claims().roles(), List.of(this.properties.supportRole()))
				.claim(this.properties.claims().company(), user.company());
		}
	}

}
