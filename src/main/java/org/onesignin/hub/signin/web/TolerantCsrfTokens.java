package org.onesignin.hub.signin.web;

import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestHandler;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;

/**
 * Spring Security's masked CSRF tokens, where a token that does not even decode is simply
 * a wrong token (403), not a server error with a stack trace in the log.
 */
public final class TolerantCsrfTokens implements CsrfTokenRequestHandler {

	private final XorCsrfTokenRequestAttributeHandler masked = new XorCsrfTokenRequestAttributeHandler();

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, Supplier<CsrfToken> csrfToken) {
		this.masked.handle(request, response, csrfToken);
	}

	@Override
	public String resolveCsrfTokenValue(HttpServletRequest request, CsrfToken csrfToken) {
		try {
			return this.masked.resolveCsrfTokenValue(request, csrfToken);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
