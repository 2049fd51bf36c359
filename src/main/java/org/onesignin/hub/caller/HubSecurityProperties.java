package org.onesignin.hub.caller;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the hub validates and reads access tokens. Claim names are configurable so that a
 * real identity provider (Keycloak, Auth0, Okta, Entra ID) plugs in by configuration
 * alone.
 *
 * @param issuer the expected {@code iss} of every token
 * @param audience the audience every token must name
 * @param jwkSetUri the external issuer's JWKS (required when the local issuer is off)
 * @param claims which claims carry what
 * @param supportRole the role that marks a support agent
 * @param accountPagesClients the (public) clients of the account pages: a person's token
 * from one of them has full self-service; from a partner's client, only what that service
 * may do for the person
 * @param verifiedTokens how many verified tokens an instance keeps until they expire, so
 * that each is verified once ({@code hub.security.verified-tokens}, default 10,000)
 */
@ConfigurationProperties("hub.security")
public record HubSecurityProperties(@DefaultValue("http://localhost:8080") String issuer,
		@DefaultValue("one-sign-in-hub") String audience, String jwkSetUri, @DefaultValue Claims claims,
		@DefaultValue("support") String supportRole,
		@DefaultValue("account-pages") java.util.List<String> accountPagesClients,
		@DefaultValue("10000") long verifiedTokens) {

	/**
	 * @param roles dotted path of the roles list (Keycloak: {@code realm_access.roles})
	 * @param company the support agent's company
	 * @param clientId the OAuth client that obtained the token (Keycloak: {@code azp})
	 * @param serviceAccount a claim present only on client-credentials tokens (Keycloak's
	 * service accounts carry {@code client_id})
	 */
	public record Claims(@DefaultValue("roles") String roles, @DefaultValue("company") String company,
			@DefaultValue("azp") String clientId, @DefaultValue("client_id") String serviceAccount) {
	}

}
