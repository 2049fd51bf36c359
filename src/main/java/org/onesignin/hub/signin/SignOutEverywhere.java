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
 * RP-initiated logout ends the sign-in session for every service and revokes every code
 * and refresh token of the person who signs out (a signed-out shared computer keeps no
 * token that outlives the sign-out), then answers as Spring Authorization Server does.
 * Every token of the person goes, not only those of this session: Spring Authorization
 * Server names in an ID token the person's most recently used session, which is not
 * always the one that obtained the code.
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
		// only the person signing out in their own session: an ID token hint alone (it
		// travels in URLs) revokes nothing
		if (authentication instanceof OidcLogoutAuthenticationToken signOut && signOut.isPrincipalAuthenticated()
				&& signOut.getPrincipal() instanceof Authentication person) {
			this.revocations.revokeAllOf(person.getName());
		}
		this.logout.onAuthenticationSuccess(request, response, authentication);
	}

}
