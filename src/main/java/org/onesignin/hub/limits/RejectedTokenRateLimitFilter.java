package org.onesignin.hub.limits;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A request whose token Spring Security refuses (HTTP 401) never reaches a caller's
 * limit, so it counts against a bucket of its address (of the anonymous limit, apart from
 * the address's anonymous requests): once that is empty, a request with a token from the
 * address is answered 429 before its token is checked.
 */
@Component
@Order(RejectedTokenRateLimitFilter.ORDER)
class RejectedTokenRateLimitFilter extends OncePerRequestFilter {

	/** Right before Spring Security's filter chain (order -100). */
	static final int ORDER = -101;

	private final CallerRateLimits limits;

	RejectedTokenRateLimitFilter(CallerRateLimits limits) {
		this.limits = limits;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return request.getHeader(HttpHeaders.AUTHORIZATION) == null || !RateLimitFilter.isLimited(request);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		CallerRateLimits.Decision left = this.limits.peekRejectedTokens(request.getRemoteAddr());
		if (!left.allowed()) {
			RateLimitFilter.refuse(response, left);
			return;
		}
		chain.doFilter(request, response);
		if (response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED) {
			this.limits.rejectedToken(request.getRemoteAddr());
		}
	}

}
