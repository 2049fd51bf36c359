package org.onesignin.hub.support;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A GraphQL-over-HTTP request written by hand, as a client that uses no GraphQL library
 * sends it: for request shapes the GraphQL tester cannot send (a document by id, a raw
 * body).
 */
public final class RawGraphQl {

	private RawGraphQl() {
	}

	/**
	 * POSTs the body to {@code /graphql} with the token (none if null), expecting 200.
	 */
	public static WebTestClient.BodyContentSpec post(WebTestClient http, String token, Object body) {
		return exchange(http, token, body).expectStatus().isOk().expectBody();
	}

	/** POSTs the body to {@code /graphql} with the token (none if null). */
	public static WebTestClient.ResponseSpec exchange(WebTestClient http, String token, Object body) {
		return http.post().uri("/graphql").headers((headers) -> {
			if (token != null) {
				headers.setBearerAuth(token);
			}
		}).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
	}

}
