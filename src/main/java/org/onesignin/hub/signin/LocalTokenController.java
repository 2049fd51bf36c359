package org.onesignin.hub.signin;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /local/token} (form fields {@code client_id}, {@code username},
 * {@code password}): the token endpoint's JSON for a person, in one curl. Demo only: a
 * public client by its id, a confidential client only with its own secret (HTTP Basic).
 */
@RestController
@ConditionalOnProperty(name = "hub.sign-in.demo", havingValue = "true")
class LocalTokenController {

	private final LocalTokenIssuer issuer;

	LocalTokenController(LocalTokenIssuer issuer) {
		this.issuer = issuer;
	}

	@PostMapping(path = "/local/token", consumes = "application/x-www-form-urlencoded")
	ResponseEntity<Map<String, Object>> token(@RequestParam(name = "client_id", required = false) String clientId,
			@RequestParam(required = false) String username, @RequestParam(required = false) String password,
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
		ClientCredentials client = ClientCredentials.of(clientId, authorization);
		if (client == null || !this.issuer.authenticates(client.id(), client.secret())) {
			return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
				.header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"local-token\"")
				.body(Map.of("error", "invalid_client", "error_description",
						"Unknown client, or a confidential client without its own secret (HTTP Basic)"));
		}
		return this.issuer.issue(client.id(), username, password).map((token) -> {
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("access_token", token.value());
			body.put("token_type", "Bearer");
			body.put("expires_in", token.expiresIn());
			body.put("scope", "openid");
			return ResponseEntity.ok(body);
		})
			.orElseGet(() -> ResponseEntity.badRequest()
				.body(Map.of("error", "invalid_grant", "error_description", "Wrong username or password")));
	}

	/**
	 * The client: {@code client_id}, or HTTP Basic's id and secret (which must agree).
	 */
	private record ClientCredentials(String id, String secret) {

		static ClientCredentials of(String clientId, String authorization) {
			if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
				return (clientId != null) ? new ClientCredentials(clientId, null) : null;
			}
			String decoded;
			try {
				decoded = new String(Base64.getDecoder().decode(authorization.substring(6).strip()),
						StandardCharsets.UTF_8);
			}
			catch (IllegalArgumentException ex) {
				return null;
			}
			int colon = decoded.indexOf(':');
			if (colon < 0) {
				return null;
			}
			String id = URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8);
			String secret = URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8);
			return (clientId == null || clientId.equals(id)) ? new ClientCredentials(id, secret) : null;
		}

	}

}
