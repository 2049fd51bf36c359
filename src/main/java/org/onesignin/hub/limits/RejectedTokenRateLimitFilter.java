package org.onesignin.hub.limits;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A request whose token Spring Security refuses (HTTP 401) never reaches a caller's
 * limit, so each refusal takes one request from a bucket of its address (of the anonymous
 * limit, apart from the address's anonymous requests); once that is empty, a refused
 * token is answered 429 instead of 401. A valid token is never refused here: a client
 * sending bad tokens cannot lock out others behind the same address.
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
		chain.doFilter(request, new HttpServletResponseWrapper(response) {

			@Override
			public void sendError(int status, String message) throws IOException {
				sendError(status);
			}

			@Override
			public void sendError(int status) throws IOException {
				if (status != SC_UNAUTHORIZED) {
					super.sendError(status);
					return;
				}
				CallerRateLimits.Decision decision = RejectedTokenRateLimitFilter.this.limits
					.rejectedToken(request.getRemoteAddr());
				if (decision.allowed()) {
					super.sendError(status);
				}
				else {
					RateLimitFilter.refuse(response, decision);
				}
			}

		});
	}

}
