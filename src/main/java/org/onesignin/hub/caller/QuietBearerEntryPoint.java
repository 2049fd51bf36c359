package org.onesignin.hub.caller;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * A refused bearer token gets 401 with {@code error="invalid_token"} and nothing about
 * what is wrong with it (which key ids are live, which claim failed): the API's answer,
 * and the sign-in server's userinfo endpoint's.
 */
public final class QuietBearerEntryPoint implements AuthenticationEntryPoint {

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
			throws IOException {
		boolean badToken = exception instanceof OAuth2AuthenticationException;
		response.setHeader("WWW-Authenticate", badToken ? "Bearer error=\"invalid_token\"" : "Bearer");
		response.sendError(401);
	}

}
