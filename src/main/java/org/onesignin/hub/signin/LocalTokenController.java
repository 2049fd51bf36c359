package org.onesignin.hub.signin;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.www.BasicAuthenticationConverter;
import org.springframework.web.bind.annotation.PostMapping;
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

	private final BasicAuthenticationConverter basicAuthentication = new BasicAuthenticationConverter();

	LocalTokenController(LocalTokenIssuer issuer) {
		this.issuer = issuer;
	}

	@PostMapping(path = "/local/token", consumes = "application/x-www-form-urlencoded")
	ResponseEntity<Map<String, Object>> token(@RequestParam(name = "client_id", required = false) String clientId,
			@RequestParam(required = false) String username, @RequestParam(required = false) String password,
			HttpServletRequest request) {
		UsernamePasswordAuthenticationToken basic;
		try {
			basic = this.basicAuthentication.convert(request);
		}
		catch (AuthenticationException ex) {
			return unknownClient();
		}
		// HTTP Basic names the client and its secret; a client_id beside it must agree
		String id = (basic != null) ? basic.getName() : clientId;
		String secret = (basic != null) ? (String) basic.getCredentials() : null;
		if (id == null || (basic != null && clientId != null && !clientId.equals(id))
				|| !this.issuer.authenticates(id, secret)) {
			return unknownClient();
		}
		return this.issuer.issue(id, username, password, request.getRemoteAddr()).map((token) -> {
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

	private static ResponseEntity<Map<String, Object>> unknownClient() {
		return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
			.header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"local-token\"")
			.body(Map.of("error", "invalid_client", "error_description",
					"Unknown client, or a confidential client without its own secret (HTTP Basic)"));
	}

}
