package org.onesignin.hub.signin.persistence;

import java.util.List;

import org.onesignin.hub.shared.Sha256;

import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationCode;

/**
 * An authorization's tokens as the store keeps them: each value replaced by its marker
 * {@code sha256:<hex>}, and one presented raw value put back on the way out.
 */
final class StoredTokens {

	static final String MARKER = "sha256:";

	private static final List<Class<? extends OAuth2Token>> KINDS = List.of(OAuth2AuthorizationCode.class,
			OAuth2AccessToken.class, OAuth2RefreshToken.class, OidcIdToken.class);

	private StoredTokens() {
	}

	/** The lookup hash of a token value, raw or already in marker form. */
	static String hashOf(String value) {
		if (value == null) {
			return null;
		}
		return value.startsWith(MARKER) ? value.substring(MARKER.length()) : Sha256.hex(value);
	}

	/** The lookup hash of the authorization's token of this kind, if it has one. */
	static String hashOf(OAuth2Authorization authorization, Class<? extends OAuth2Token> kind) {
		OAuth2Authorization.Token<? extends OAuth2Token> token = authorization.getToken(kind);
		return (token != null) ? hashOf(token.getToken().getTokenValue()) : null;
	}

	/** The authorization with every token value in marker form. */
	static OAuth2Authorization hashed(OAuth2Authorization authorization) {
		OAuth2Authorization.Builder builder = OAuth2Authorization.from(authorization);
		for (Class<? extends OAuth2Token> kind : KINDS) {
			OAuth2Authorization.Token<? extends OAuth2Token> token = authorization.getToken(kind);
			if (token != null && !token.getToken().getTokenValue().startsWith(MARKER)) {
				replace(builder, token, MARKER + hashOf(token.getToken().getTokenValue()));
			}
		}
		return builder.build();
	}

	/**
	 * The stored authorization with the presented raw value back in the token it hashes
	 * to: Spring Authorization Server finds the token by value ({@code getToken(String)})
	 * to revoke or introspect it, and hands a token it found back to the client; the
	 * other tokens stay in marker form.
	 */
	static OAuth2Authorization withRaw(OAuth2Authorization authorization, String raw) {
		String hash = Sha256.hex(raw);
		for (Class<? extends OAuth2Token> kind : KINDS) {
			OAuth2Authorization.Token<? extends OAuth2Token> token = authorization.getToken(kind);
			if (token != null && hash.equals(hashOf(token.getToken().getTokenValue()))) {
				OAuth2Authorization.Builder builder = OAuth2Authorization.from(authorization);
				replace(builder, token, raw);
				return builder.build();
			}
		}
		return authorization;
	}

	private static void replace(OAuth2Authorization.Builder builder, OAuth2Authorization.Token<?> token, String value) {
		builder.token(withValue(token.getToken(), value), (metadata) -> metadata.putAll(token.getMetadata()));
	}

	private static OAuth2Token withValue(OAuth2Token token, String value) {
		if (token instanceof OAuth2AccessToken access) {
			return new OAuth2AccessToken(access.getTokenType(), value, access.getIssuedAt(), access.getExpiresAt(),
					access.getScopes());
		}
		if (token instanceof OidcIdToken id) {
			return new OidcIdToken(value, id.getIssuedAt(), id.getExpiresAt(), id.getClaims());
		}
		if (token instanceof OAuth2RefreshToken) {
			return new OAuth2RefreshToken(value, token.getIssuedAt(), token.getExpiresAt());
		}
		return new OAuth2AuthorizationCode(value, token.getIssuedAt(), token.getExpiresAt());
	}

}
