package org.onesignin.hub.signin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Scripted local sign-in: a person's token "obtained through" a registered client with
 * one request (email and password), for the demo only (the {@code production} profile has
 * no such endpoint). The token has exactly the claims the authorization code flow would
 * give.
 */
public class LocalTokenIssuer {

	private final AuthenticationManager authentication;

	private final RegisteredClientRepository clients;

	private final PasswordEncoder secrets;

	private final JwtEncoder encoder;

	private final LocalTokenClaims claims;

	private final String issuer;

	private final Duration lifetime;

	private final Clock clock;

	LocalTokenIssuer(AuthenticationManager authentication, RegisteredClientRepository clients, PasswordEncoder secrets,
			JwtEncoder encoder, LocalTokenClaims claims, String issuer, Duration lifetime, Clock clock) {
		this.authentication = authentication;
		this.clients = clients;
		this.secrets = secrets;
		this.encoder = encoder;
		this.claims = claims;
		this.issuer = issuer;
		this.lifetime = lifetime;
		this.clock = clock;
	}

	/**
	 * Whether {@code clientId} may obtain a person's token here: a public client, or a
	 * confidential one presenting its own secret. A confidential client's token is its
	 * word that the person signed in through it (linking trusts that), so it is never
	 * minted for whoever merely names the client.
	 */
	public boolean authenticates(String clientId, String clientSecret) {
		RegisteredClient client = (clientId != null) ? this.clients.findByClientId(clientId) : null;
		if (client == null
				|| !client.getAuthorizationGrantTypes().contains(AuthorizationGrantType.AUTHORIZATION_CODE)) {
			return false;
		}
		if (client.getClientAuthenticationMethods().contains(ClientAuthenticationMethod.NONE)) {
			return clientSecret == null;
		}
		return clientSecret != null && client.getClientSecret() != null
				&& this.secrets.matches(clientSecret, client.getClientSecret());
	}

	/**
	 * A signed access token for a person, or empty when the credentials are wrong. The
	 * client must have been {@linkplain #authenticates authenticated}. Failures count
	 * against the identity and the client address like the sign-in page's.
	 */
	public Optional<IssuedToken> issue(String clientId, String username, String password, String remoteAddress) {
		if (username == null || password == null) {
			return Optional.empty();
		}
		Authentication signedIn;
		try {
			UsernamePasswordAuthenticationToken attempt = UsernamePasswordAuthenticationToken.unauthenticated(username,
					password);
			// the address counts failures, as the sign-in page's do
			attempt.setDetails(new WebAuthenticationDetails(remoteAddress, null));
			signedIn = this.authentication.authenticate(attempt);
		}
		catch (AuthenticationException ex) {
			return Optional.empty();
		}
		if (!this.claims.admits(clientId, (HubUser) signedIn.getPrincipal())) {
			return Optional.empty();
		}
		Instant now = this.clock.instant();
		JwtClaimsSet.Builder builder = JwtClaimsSet.builder()
			.issuer(this.issuer)
			.issuedAt(now)
			.notBefore(now)
			.expiresAt(now.plus(this.lifetime))
			.id(UUID.randomUUID().toString())
			.claim("scope", "openid");
		this.claims.forPerson(builder, clientId, (HubUser) signedIn.getPrincipal());
		String token = this.encoder
			.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(), builder.build()))
			.getTokenValue();
		return Optional.of(new IssuedToken(token, this.lifetime.toSeconds()));
	}

	/** An issued access token and its lifetime in seconds. */
	public record IssuedToken(String value, long expiresIn) {
	}

}
