package org.onesignin.hub.signin;

import java.time.Clock;
import java.time.Instant;
import java.util.Base64;

import org.springframework.security.crypto.keygen.Base64StringKeyGenerator;
import org.springframework.security.crypto.keygen.StringKeyGenerator;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.token.DelegatingOAuth2TokenGenerator;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.JwtGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2AccessTokenGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2RefreshTokenGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;

/**
 * The sign-in server's tokens, from Spring Authorization Server's own generators, plus
 * the one token they refuse: a refresh token for a public client's authorization code.
 */
final class PublicClientRefreshTokenGenerator implements OAuth2TokenGenerator<OAuth2Token> {

	private final OAuth2TokenGenerator<OAuth2Token> generators;

	// the same value shape as Spring Authorization Server's refresh tokens: 96 random
	// bytes, URL-safe Base64
	private final StringKeyGenerator refreshTokenValues = new Base64StringKeyGenerator(
			Base64.getUrlEncoder().withoutPadding(), 96);

	private final Clock clock;

	PublicClientRefreshTokenGenerator(JwtEncoder encoder, OAuth2TokenCustomizer<JwtEncodingContext> customizer,
			Clock clock) {
		JwtGenerator jwts = new JwtGenerator(encoder);
		jwts.setJwtCustomizer(customizer);
		OAuth2RefreshTokenGenerator refreshTokens = new OAuth2RefreshTokenGenerator();
		refreshTokens.setClock(clock);
		this.generators = new DelegatingOAuth2TokenGenerator(jwts, new OAuth2AccessTokenGenerator(), refreshTokens);
		this.clock = clock;
	}

	@Override
	public OAuth2Token generate(OAuth2TokenContext context) {
		OAuth2Token token = this.generators.generate(context);
		if (token != null || !isPublicClientCodeRefreshToken(context)) {
			return token;
		}
		// a public client (the account pages in a browser) keeps a person signed in with
		// refresh tokens that rotate on each use and revoke their chain when one is
		// replayed (MongoAuthorizations), as the OAuth 2.0 Security BCP allows
		Instant issuedAt = this.clock.instant();
		return new OAuth2RefreshToken(this.refreshTokenValues.generateKey(), issuedAt,
				issuedAt.plus(context.getRegisteredClient().getTokenSettings().getRefreshTokenTimeToLive()));
	}

	private static boolean isPublicClientCodeRefreshToken(OAuth2TokenContext context) {
		RegisteredClient client = context.getRegisteredClient();
		return OAuth2TokenType.REFRESH_TOKEN.equals(context.getTokenType())
				&& AuthorizationGrantType.AUTHORIZATION_CODE.equals(context.getAuthorizationGrantType())
				&& client.getClientAuthenticationMethods().contains(ClientAuthenticationMethod.NONE)
				&& client.getAuthorizationGrantTypes().contains(AuthorizationGrantType.REFRESH_TOKEN);
	}

}
