package org.onesignin.hub.caller;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the hub validates and reads access tokens: its own (the sign-in server's) and those
 * of the external issuers it trusts for some callers. Claim names are configurable so
 * that an identity provider (Keycloak, Entra ID, Okta) plugs in by configuration alone.
 *
 * @param issuer the hub's own {@code iss}
 * @param audience the audience every token must name
 * @param claims which claims of the hub's own tokens carry what
 * @param supportRole the role that marks a support agent
 * @param administratorRole the role that marks an administrator of the registry
 * @param accountPagesClients the (public) clients of the account pages: a person's token
 * from one of them has full self-service; from a partner's client, only what that service
 * may do for the person
 * @param verifiedTokens how many verified tokens an instance keeps until they expire, so
 * that each is verified once ({@code hub.security.verified-tokens}, default 10,000)
 * @param trustedIssuers external issuers whose tokens the hub accepts, each for the
 * callers its entry names
 */
@ConfigurationProperties("hub.security")
public record HubSecurityProperties(@DefaultValue("http://localhost:8080") String issuer,
		@DefaultValue("one-sign-in-hub") String audience, @DefaultValue Claims claims,
		@DefaultValue("support") String supportRole, @DefaultValue("administrator") String administratorRole,
		@DefaultValue("account-pages") List<String> accountPagesClients, @DefaultValue("10000") long verifiedTokens,
		List<TrustedIssuer> trustedIssuers) {

	public HubSecurityProperties {
		trustedIssuers = (trustedIssuers != null) ? List.copyOf(trustedIssuers) : List.of();
	}

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

	/**
	 * An external issuer, typically a company's workforce identity provider for its
	 * support agents.
	 *
	 * @param issuer its tokens' exact {@code iss}
	 * @param jwkSetUri its JWKS
	 * @param audience the audience its tokens must name (default
	 * {@code hub.security.audience})
	 * @param claims which of its claims carry what (same defaults as
	 * {@code hub.security.claims})
	 * @param callers the caller kinds its tokens may assert (default
	 * {@code SUPPORT_AGENT} only; {@code ADMINISTRATOR} for the staff who manage the
	 * registry); a token resolving to another kind is refused
	 * @param supportRole its role of support agents (default
	 * {@code hub.security.support-role})
	 * @param administratorRole its role of registry administrators (default
	 * {@code hub.security.administrator-role})
	 * @param companies the companies whose agents it signs in (required when it may
	 * assert support agents): a company's provider vouches for its own staff, never for
	 * another company's
	 */
	public record TrustedIssuer(String issuer, String jwkSetUri, String audience, @DefaultValue Claims claims,
			@DefaultValue("SUPPORT_AGENT") List<String> callers, String supportRole, String administratorRole,
			List<String> companies) {

		public TrustedIssuer {
			companies = (companies != null) ? List.copyOf(companies) : List.of();
		}

	}

}
