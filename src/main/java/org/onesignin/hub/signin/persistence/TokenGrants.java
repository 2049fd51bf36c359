package org.onesignin.hub.signin.persistence;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The token request being served, as far as the store needs it: which one-use token its
 * grant redeems, and which it has claimed already.
 */
final class TokenGrants {

	private static final String CLAIMED = TokenGrants.class.getName() + ".claimed.";

	private TokenGrants() {
	}

	/**
	 * Whether the current request is a grant that redeems a token of this type: a code
	 * grant its code, a refresh grant its refresh token (introspection and revocation
	 * only look).
	 */
	static boolean redeems(String tokenType) {
		HttpServletRequest request = currentRequest();
		if (request == null) {
			return false;
		}
		String grantType = request.getParameter(OAuth2ParameterNames.GRANT_TYPE);
		return (OAuth2ParameterNames.CODE.equals(tokenType)
				&& AuthorizationGrantType.AUTHORIZATION_CODE.getValue().equals(grantType))
				|| (OAuth2ParameterNames.REFRESH_TOKEN.equals(tokenType)
						&& AuthorizationGrantType.REFRESH_TOKEN.getValue().equals(grantType));
	}

	/**
	 * Remembers, for the rest of the request, that it claimed the token with this hash.
	 */
	static void claimed(String hash) {
		HttpServletRequest request = currentRequest();
		if (request != null) {
			request.setAttribute(CLAIMED + hash, Boolean.TRUE);
		}
	}

	/**
	 * Whether the current request claimed the token with this hash: Spring Authorization
	 * Server looks a code up twice in one grant (the PKCE check, then the grant itself).
	 */
	static boolean claimedHere(String hash) {
		HttpServletRequest request = currentRequest();
		return request != null && request.getAttribute(CLAIMED + hash) != null;
	}

	private static HttpServletRequest currentRequest() {
		return (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)
				? attributes.getRequest() : null;
	}

}
