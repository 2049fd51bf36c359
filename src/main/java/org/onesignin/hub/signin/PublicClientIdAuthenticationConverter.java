package org.onesignin.hub.signin;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.web.authentication.AuthenticationConverter;
import org.springframework.util.StringUtils;

/**
 * Reads a public client's refresh request at the token endpoint
 * ({@code grant_type=refresh_token&client_id=…}, no secret) or its revocation of its own
 * token ({@code POST /oauth2/revoke} with {@code token} and {@code client_id}, RFC 7009
 * §2.1) as a client authentication by id only, for
 * {@link PublicClientIdAuthenticationProvider} to check.
 */
final class PublicClientIdAuthenticationConverter implements AuthenticationConverter {

	private static final String REFRESH_TOKEN = AuthorizationGrantType.REFRESH_TOKEN.getValue();

	/** What a public client may do by its id alone: refresh, or revoke. */
	static final String PURPOSE = "public_client_purpose";

	static final String REVOCATION = "revocation";

	private final String tokenEndpoint;

	private final String revocationEndpoint;

	PublicClientIdAuthenticationConverter(String tokenEndpoint, String revocationEndpoint) {
		this.tokenEndpoint = tokenEndpoint;
		this.revocationEndpoint = revocationEndpoint;
	}

	@Override
	public Authentication convert(HttpServletRequest request) {
		// each purpose at its own endpoint only: a grant_type parameter sent to the
		// introspection endpoint authenticates nobody
		boolean refresh = this.tokenEndpoint.equals(request.getRequestURI())
				&& REFRESH_TOKEN.equals(request.getParameter(OAuth2ParameterNames.GRANT_TYPE));
		boolean revocation = this.revocationEndpoint.equals(request.getRequestURI())
				&& request.getParameter(OAuth2ParameterNames.TOKEN) != null;
		if (!(refresh || revocation) || request.getHeader(HttpHeaders.AUTHORIZATION) != null
				|| request.getParameter(OAuth2ParameterNames.CLIENT_SECRET) != null
				|| request.getParameter(OAuth2ParameterNames.CLIENT_ASSERTION) != null) {
			// any request that carries a credential is Spring Authorization Server's to
			// check: confidential clients authenticate exactly as before
			return null;
		}
		String[] clientIds = request.getParameterValues(OAuth2ParameterNames.CLIENT_ID);
		if (clientIds == null) {
			return null;
		}
		if (clientIds.length != 1 || !StringUtils.hasText(clientIds[0])) {
			throw new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_REQUEST);
		}
		return new OAuth2ClientAuthenticationToken(clientIds[0], ClientAuthenticationMethod.NONE, null,
				Map.of(PURPOSE, refresh ? REFRESH_TOKEN : REVOCATION));
	}

}
