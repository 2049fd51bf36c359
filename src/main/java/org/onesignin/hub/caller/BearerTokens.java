package org.onesignin.hub.caller;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationManagerResolver;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.authentication.JwtIssuerAuthenticationManagerResolver;

/**
 * Authenticates a bearer token, over HTTP and in the graphql-ws handshake alike, by the
 * issuer it names: the hub's own or a trusted external one, each with its keys, audience
 * and claim paths; a token of any other issuer, or one asserting a caller its issuer may
 * not vouch for, is refused as an invalid token.
 */
public class BearerTokens implements AuthenticationManager {

	private static final Log logger = LogFactory.getLog(BearerTokens.class);

	private final AuthenticationManager byIssuer;

	/**
	 * @param properties the hub's issuer and the trusted external ones (checked here, so
	 * a mistake fails the start)
	 * @param hubTokens the decoder of the hub's own tokens (its signing keys, issuer and
	 * audience)
	 * @param callers reads each issuer's tokens
	 */
	public BearerTokens(HubSecurityProperties properties, JwtDecoder hubTokens, CallerResolver callers) {
		Map<String, AuthenticationManager> managers = new HashMap<>();
		managers.put(properties.issuer(), manager(hubTokens, IssuerContract.ofHub(properties), callers));
		for (ExternalIssuer external : ExternalIssuer.from(properties)) {
			NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(external.jwkSetUri()).build();
			managers.put(external.issuer(),
					manager(verified(decoder, external.issuer(), external.audience(), properties.verifiedTokens()),
							external.contract(), callers));
		}
		Map<String, AuthenticationManager> trusted = Map.copyOf(managers);
		// the resolver picks by the token's iss alone, never by the request: the same
		// manager serves HTTP requests and graphql-ws handshakes (which have none)
		this.byIssuer = new JwtIssuerAuthenticationManagerResolver(trusted::get).resolve((HttpServletRequest) null);
	}

	/**
	 * A decoder that checks a token's issuer, audience and expiry beside its signature,
	 * and verifies each distinct token once (see {@link VerifiedTokens}).
	 */
	public static JwtDecoder verified(NimbusJwtDecoder decoder, String issuer, String audience, long verifiedTokens) {
		OAuth2TokenValidator<Jwt> audienceValidator = new JwtClaimValidator<List<String>>("aud",
				(aud) -> aud != null && aud.contains(audience));
		decoder.setJwtValidator(
				new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(issuer), audienceValidator));
		// the validator checks exp with the system clock: so does the cache
		return new VerifiedTokens(decoder, Clock.systemUTC(), verifiedTokens);
	}

	/** The API filter chain's view: one manager whatever the request. */
	public AuthenticationManagerResolver<HttpServletRequest> forRequests() {
		return (request) -> this;
	}

	@Override
	public Authentication authenticate(Authentication authentication) throws AuthenticationException {
		return this.byIssuer.authenticate(authentication);
	}

	private static AuthenticationManager manager(JwtDecoder decoder, IssuerContract issuer, CallerResolver callers) {
		JwtAuthenticationProvider provider = new JwtAuthenticationProvider(decoder);
		provider.setJwtAuthenticationConverter((jwt) -> {
			CallerAuthentication authentication = callers.authenticate(jwt, issuer);
			// an issuer vouches only for the callers its entry names: a workforce
			// provider's token can never be a person or a partner of the hub, nor an
			// agent of a company that provider does not sign in
			if (!issuer.allows(authentication.getPrincipal())) {
				logger.debug("Refused a token of " + issuer.issuer() + " resolving to a "
						+ authentication.getPrincipal().kind() + ", which that issuer may not assert");
				throw new InvalidBearerTokenException("Invalid token");
			}
			return authentication;
		});
		return new ProviderManager(provider);
	}

}
