package org.onesignin.hub.caller;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.onesignin.hub.registry.RegistryManagement;
import org.onesignin.hub.registry.Service;
import org.onesignin.hub.shared.Caller;
import org.onesignin.hub.shared.CallerKind;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;

/**
 * Turns a validated access token into the one {@link Caller} of the request, and its
 * acting company: the controller of the service whose client obtained the token, or the
 * support agent's {@code company} claim, read where the token's issuer puts them.
 * {@link BearerTokens} authenticates a token through it for the security filter chain and
 * the graphql-ws handshake alike, once per request (the API's filter chain is stateless)
 * or per connection, and each authentication names its request with a new random id.
 */
@Component
public class CallerResolver {

	private final HubSecurityProperties properties;

	private final RegistryManagement registry;

	CallerResolver(HubSecurityProperties properties, RegistryManagement registry) {
		this.properties = properties;
		this.registry = registry;
	}

	/**
	 * The request's authentication: its {@link Caller} as the principal, with a role for
	 * the caller's kind and the token's scopes as authorities.
	 */
	CallerAuthentication authenticate(Jwt token, IssuerContract issuer) {
		Caller caller = resolve(token, issuer, UUID.randomUUID().toString());
		List<GrantedAuthority> authorities = new ArrayList<>();
		authorities.add(new SimpleGrantedAuthority("ROLE_" + caller.kind().name()));
		Object scope = token.getClaims().get("scope");
		if (scope instanceof String scopes) {
			for (String s : scopes.split(" ")) {
				authorities.add(new SimpleGrantedAuthority("SCOPE_" + s));
			}
		}
		else if (scope instanceof Collection<?> scopes) {
			scopes.forEach((s) -> authorities.add(new SimpleGrantedAuthority("SCOPE_" + s)));
		}
		return new CallerAuthentication(caller, token, authorities);
	}

	/** The token's caller, naming the request it authenticates. */
	Caller resolve(Jwt jwt, IssuerContract issuer, String requestId) {
		HubSecurityProperties.Claims claims = issuer.claims();
		String subject = jwt.getSubject();
		String clientId = Optional.ofNullable(stringClaim(jwt, claims.clientId()))
			.orElse(stringClaim(jwt, claims.serviceAccount()));
		Collection<String> roles = roles(jwt, claims.roles());
		// an administrator manages the registry and sees no account: a token that also
		// names the support role gains nothing from it. Only an issuer trusted for
		// administrators makes one: elsewhere the role means nothing to the hub
		if (issuer.callers().contains(CallerKind.ADMINISTRATOR) && roles.contains(issuer.administratorRole())) {
			return new Caller(CallerKind.ADMINISTRATOR, subject, clientId, null, null, false, jwt.getExpiresAt(),
					requestId);
		}
		if (roles.contains(issuer.supportRole())) {
			String company = stringClaim(jwt, claims.company());
			// an agent whose company is not in the registry acts for nobody
			String actingCompany = (company != null && this.registry.registry().company(company).isPresent()) ? company
					: null;
			return new Caller(CallerKind.SUPPORT_AGENT, subject, clientId, null, actingCompany, false,
					jwt.getExpiresAt(), requestId);
		}
		Optional<Service> service = Optional.ofNullable(clientId)
			.flatMap((id) -> this.registry.registry().serviceForClient(id));
		String serviceId = service.map(Service::id).orElse(null);
		String company = service.map(Service::controllerId).orElse(null);
		if (stringClaim(jwt, claims.serviceAccount()) != null) {
			return new Caller(CallerKind.PARTNER_SERVICE, clientId, clientId, serviceId, company, false,
					jwt.getExpiresAt(), requestId);
		}
		return new Caller(CallerKind.USER, subject, clientId, serviceId, company,
				clientId != null && this.properties.accountPagesClients().contains(clientId), jwt.getExpiresAt(),
				requestId);
	}

	private static Collection<String> roles(Jwt jwt, String path) {
		Object value = claimAt(jwt.getClaims(), path);
		if (value instanceof Collection<?> collection) {
			return collection.stream().map(String::valueOf).toList();
		}
		if (value instanceof String string) {
			return List.of(string.split("[ ,]+"));
		}
		return List.of();
	}

	private static String stringClaim(Jwt jwt, String path) {
		Object value = claimAt(jwt.getClaims(), path);
		return (value != null) ? value.toString() : null;
	}

	private static Object claimAt(Map<String, Object> claims, String path) {
		Object current = claims;
		for (String part : path.split("\\.")) {
			if (!(current instanceof Map<?, ?> map)) {
				return null;
			}
			current = map.get(part);
		}
		return current;
	}

}
