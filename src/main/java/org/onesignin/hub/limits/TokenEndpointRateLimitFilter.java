package org.onesignin.hub.limits;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Client-secret guessing at the token endpoint ({@code /oauth2/token}) bounded per
 * address: each refused client authentication (HTTP 401) takes from a bucket of the
 * anonymous limit, and an empty bucket answers HTTP 429 with {@code Retry-After}. A
 * partner's back end whose client authenticates takes nothing, however many codes it
 * redeems. Spring Security answers the endpoint inside its filter chain, before
 * {@link RateLimitFilter} would see it.
 */
@Component
@Order(TokenEndpointRateLimitFilter.ORDER)
class TokenEndpointRateLimitFilter extends OncePerRequestFilter {

	/** Right before Spring Security's filter chain (order -100). */
	static final int ORDER = -101;

	static final String TOKEN_ENDPOINT = "/oauth2/token";

	private final CallerRateLimits limits;

	TokenEndpointRateLimitFilter(CallerRateLimits limits) {
		this.limits = limits;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !TOKEN_ENDPOINT.equals(request.getRequestURI());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		CallerRateLimits.Decision decision = this.limits.refusedClientsLeft(request.getRemoteAddr());
		if (!decision.allowed()) {
			RateLimitFilter.refuse(response, decision);
			return;
		}
		chain.doFilter(request, response);
		if (response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED) {
			this.limits.refusedClient(request.getRemoteAddr());
		}
	}

}
