package org.onesignin.hub.signin;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcLogoutAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.oidc.web.authentication.OidcLogoutAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;

/**
 * RP-initiated logout ends the sign-in session for every service and, with it, the codes
 * and refresh tokens obtained in that session (a signed-out shared computer keeps no
 * token that outlives the sign-out), then answers as Spring Authorization Server does.
 */
class SignOutEverywhere implements AuthenticationSuccessHandler {

	private final SignInRevocations revocations;

	private final AuthenticationSuccessHandler logout = new OidcLogoutAuthenticationSuccessHandler();

	SignOutEverywhere(SignInRevocations revocations) {
		this.revocations = revocations;
	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws IOException, ServletException {
		if (authentication instanceof OidcLogoutAuthenticationToken signOut && signOut.getIdToken() != null
				&& signOut.getIdToken().getClaimAsString("sid") != null) {
			this.revocations.revokeSignInSession(signOut.getIdToken().getClaimAsString("sid"));
		}
		this.logout.onAuthenticationSuccess(request, response, authentication);
	}

}
