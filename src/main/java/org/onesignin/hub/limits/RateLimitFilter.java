package org.onesignin.hub.limits;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.onesignin.hub.shared.web.ErrorBodies;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Rate limits on the API, per caller, after the token was checked (so a caller is known
 * by its token, an anonymous one by its address): every answer carries the
 * {@code RateLimit-*} headers, and a caller over its limit gets HTTP 429 with
 * {@code Retry-After} and a JSON body, before any work is done for it.
 */
@Component
@Order(RateLimitFilter.ORDER)
class RateLimitFilter extends OncePerRequestFilter {

	/** Right after Spring Security's filter chain (order -100). */
	static final int ORDER = -99;

	private final CallerRateLimits limits;

	RateLimitFilter(CallerRateLimits limits) {
		this.limits = limits;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !isLimited(request);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		CallerRateLimits.Decision decision = this.limits.take(CallerKinds.current(), request.getRemoteAddr());
		if (decision.allowed()) {
			writeHeaders(response, decision);
			chain.doFilter(request, response);
			return;
		}
		refuse(response, decision);
	}

	/** Whether requests to this path count against the caller's limit. */
	static boolean isLimited(HttpServletRequest request) {
		String path = request.getRequestURI();
		// the sign-in server's link forms (forgotten password, confirm, reset) too
		return path.equals("/graphql") || path.startsWith("/unsubscribe/") || path.equals("/me/export")
				|| (path.startsWith("/sign-in/") && "POST".equals(request.getMethod()));
	}

	/** The {@code RateLimit-*} headers of the caller's bucket. */
	static void writeHeaders(HttpServletResponse response, CallerRateLimits.Decision decision) {
		response.setHeader("RateLimit-Limit", String.valueOf(decision.limit().capacity()));
		response.setHeader("RateLimit-Remaining", String.valueOf(decision.remaining()));
		response.setHeader("RateLimit-Reset", String.valueOf(decision.resetSeconds()));
		response.setHeader("RateLimit-Policy",
				decision.limit().capacity() + ";w="
						+ Math.max(1, (decision.limit().capacity() + decision.limit().refillPerSecond() - 1)
								/ decision.limit().refillPerSecond()));
	}

	/** HTTP 429 with {@code Retry-After} and a JSON body. */
	static void refuse(HttpServletResponse response, CallerRateLimits.Decision decision) throws IOException {
		writeHeaders(response, decision);
		long retryAfter = decision.retryAfterSeconds();
		response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfter));
		ErrorBodies.write(response, 429, MediaType.APPLICATION_JSON, "TOO_MANY_REQUESTS",
				"Too many requests: retry after " + retryAfter + " s", Map.of("retryAfterSeconds", retryAfter));
	}

}
