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
 * The token endpoint ({@code /oauth2/token}) under the anonymous limit of the caller's
 * address: Spring Security answers it inside its filter chain, before
 * {@link RateLimitFilter} would see it, and every call checks a client secret, so secret
 * guessing is bounded like any anonymous request (HTTP 429 with {@code Retry-After}).
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
		// no caller is known yet: the client authenticates inside the chain
		CallerRateLimits.Decision decision = this.limits.take(null, request.getRemoteAddr());
		if (decision.allowed()) {
			RateLimitFilter.writeHeaders(response, decision);
			chain.doFilter(request, response);
			return;
		}
		RateLimitFilter.refuse(response, decision);
	}

}
