package org.onesignin.hub.localissuer;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /local/token} (form fields {@code client_id}, {@code username},
 * {@code password}): the token endpoint's JSON for a person, in one curl. Exists only
 * while the local issuer is on.
 */
@RestController
@ConditionalOnProperty(name = "hub.local-issuer.enabled", havingValue = "true")
class LocalTokenController {

	private final LocalTokenIssuer issuer;

	LocalTokenController(LocalTokenIssuer issuer) {
		this.issuer = issuer;
	}

	@PostMapping(path = "/local/token", consumes = "application/x-www-form-urlencoded")
	ResponseEntity<Map<String, Object>> token(@RequestParam(name = "client_id", required = false) String clientId,
			@RequestParam(required = false) String username, @RequestParam(required = false) String password) {
		return this.issuer.issue(clientId, username, password).map((token) -> {
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("access_token", token.value());
			body.put("token_type", "Bearer");
			body.put("expires_in", token.expiresIn());
			body.put("scope", "openid");
			return ResponseEntity.ok(body);
		})
			.orElseGet(() -> ResponseEntity.badRequest()
				.body(Map.of("error", "invalid_grant", "error_description",
						"Unknown client, or wrong username or password")));
	}

}
