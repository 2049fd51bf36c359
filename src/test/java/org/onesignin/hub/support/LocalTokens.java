package org.onesignin.hub.support;

import java.util.Map;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tokens from the running hub's local issuer, obtained as a newcomer would with curl: the
 * token endpoint (client credentials) or {@code /local/token} (a person).
 */
public final class LocalTokens {

	private LocalTokens() {
	}

	/**
	 * Posts the form to the issuer endpoint (with HTTP Basic client authentication when a
	 * client id is given) and returns the access token of its Bearer token response.
	 */
	public static String obtain(WebTestClient http, String path, BodyInserters.FormInserter<String> form,
			String clientId, String secret) {
		Map<String, Object> body = http.post().uri(path).headers((headers) -> {
			if (clientId != null) {
				headers.setBasicAuth(clientId, secret);
			}
		})
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(form)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.returnResult()
			.getResponseBody();
		assertThat(body).containsEntry("token_type", "Bearer").containsKey("access_token");
		return (String) body.get("access_token");
	}

}
