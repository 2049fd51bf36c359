package org.onesignin.hub.limits;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.onesignin.hub.shared.web.ErrorBodies;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request body larger than {@code hub.http.max-request-size} (default 256 KiB)
 * with HTTP 413, before anything reads it: by its declared length, or, for a body sent in
 * chunks, after reading at most one byte past the limit.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestSizeFilter extends OncePerRequestFilter {

	private final long maxBytes;

	RequestSizeFilter(@Value("${hub.http.max-request-size:256KB}") DataSize maxRequestSize) {
		this.maxBytes = maxRequestSize.toBytes();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long declared = request.getContentLengthLong();
		if (declared > this.maxBytes) {
			refuse(response);
			return;
		}
		if (declared >= 0 || !hasBody(request)) {
			chain.doFilter(request, response);
			return;
		}
		byte[] body = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, this.maxBytes + 1));
		if (body.length > this.maxBytes) {
			refuse(response);
			return;
		}
		chain.doFilter(new BufferedRequest(request, body), response);
	}

	private static boolean hasBody(HttpServletRequest request) {
		return request.getHeader("Transfer-Encoding") != null;
	}

	private void refuse(HttpServletResponse response) throws IOException {
		ErrorBodies.write(response, 413, "PAYLOAD_TOO_LARGE",
				"The request body is larger than " + this.maxBytes + " bytes");
	}

}
