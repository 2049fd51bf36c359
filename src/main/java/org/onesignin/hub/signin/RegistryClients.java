package org.onesignin.hub.signin;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.onesignin.hub.registry.Registry;
import org.onesignin.hub.registry.RegistryManagement;
import org.onesignin.hub.registry.SignInClient;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

/**
 * The sign-in server's OAuth clients, read from the registry: public clients get
 * authorization code + PKCE and rotated refresh tokens; confidential clients also get
 * client credentials, with their secret from configuration (in the demo,
 * {@code <client-id>-secret} when none is configured). A confidential client without a
 * secret is not registered at all, so it cannot authenticate.
 */
class RegistryClients implements RegisteredClientRepository {

	private static final Log logger = LogFactory.getLog(RegistryClients.class);

	private final RegistryManagement registry;

	private final SignInProperties properties;

	private final TokenSettings tokens;

	private volatile Snapshot snapshot;

	RegistryClients(RegistryManagement registry, SignInProperties properties, List<String> accountPagesClients) {
		refusePublicServiceClients(registry.registry(), accountPagesClients);
		this.registry = registry;
		this.properties = properties;
		this.tokens = TokenSettings.builder()
			.accessTokenTimeToLive(properties.accessTokenLifetime())
			.refreshTokenTimeToLive(properties.refreshTokenLifetime())
			// each refresh gets a new refresh token; a used one is refused (and revokes
			// its authorization: MongoAuthorizations)
			.reuseRefreshTokens(false)
			.build();
		List<String> withoutSecret = current().withoutSecret;
		if (!withoutSecret.isEmpty()) {
			logger.warn("Confidential clients without a secret cannot sign in (set hub.sign-in.client-secrets."
					+ "<client-id>): " + withoutSecret);
		}
	}

	/**
	 * A person's token obtained through a service's client is that service's word that
	 * the person signed in through it (linking trusts it), so only the service's back end
	 * may obtain one: anyone can obtain a public client's tokens. Public clients are for
	 * the account pages and staff tooling.
	 */
	private static void refusePublicServiceClients(Registry registry, List<String> accountPagesClients) {
		for (SignInClient client : registry.clients()) {
			registry.serviceForClient(client.id())
				.filter((service) -> client.isPublic() && !accountPagesClients.contains(client.id()))
				.ifPresent((service) -> {
					throw new IllegalStateException("Client " + client.id() + " acts for service " + service.id()
							+ " and is PUBLIC: make it CONFIDENTIAL (a service's client vouches for the person's "
							+ "sign-in), or list it in hub.security.account-pages-clients if it is account pages");
				});
		}
	}

	/**
	 * Nothing to keep: clients come from the registry and secrets from configuration.
	 * (Spring Authorization Server saves a client to re-encode a secret it finds in a
	 * weaker encoding, such as the demo's {@code {noop}}.)
	 */
	@Override
	public void save(RegisteredClient registeredClient) {
	}

	@Override
	public RegisteredClient findById(String id) {
		return current().byId.get(id);
	}

	@Override
	public RegisteredClient findByClientId(String clientId) {
		return current().byClientId.get(clientId);
	}

	/** The registered client's id for a client id (stable across instances). */
	static String registrationId(String clientId) {
		return UUID.nameUUIDFromBytes(clientId.getBytes(StandardCharsets.UTF_8)).toString();
	}

	private Snapshot current() {
		Registry now = this.registry.registry();
		Snapshot known = this.snapshot;
		if (known == null || known.registry != now) {
			// a public client with no redirect URI (and no secret) can do nothing
			known = new Snapshot(now,
					now.clients()
						.stream()
						.filter((client) -> !client.isPublic() || !client.redirectUris().isEmpty())
						.map(this::registered)
						.toList());
			this.snapshot = known;
		}
		return known;
	}

	private Registered registered(SignInClient client) {
		RegisteredClient.Builder builder = RegisteredClient.withId(registrationId(client.id()))
			.clientId(client.id())
			.clientName(client.id());
		// a client without redirect URIs (a service's back end only) signs nobody in: it
		// obtains client-credentials tokens and nothing else
		if (!client.redirectUris().isEmpty()) {
			builder.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
				.authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN);
		}
		builder.scope(OidcScopes.OPENID)
			.scope(OidcScopes.EMAIL)
			.scope(OidcScopes.PROFILE)
			.redirectUris((uris) -> uris.addAll(client.redirectUris()))
			.postLogoutRedirectUris((uris) -> uris.addAll(client.postLogoutRedirectUris()))
			.tokenSettings(this.tokens);
		if (client.isPublic()) {
			return new Registered(builder.clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
				.clientSettings(
						ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
				.build(), true);
		}
		String secret = secretOf(client.id());
		return new Registered(builder.clientSecret(secret)
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
			.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
			.clientSettings(ClientSettings.builder().requireAuthorizationConsent(false).build())
			.build(), secret != null);
	}

	private String secretOf(String clientId) {
		String configured = this.properties.clientSecrets().get(clientId);
		if (configured != null && !configured.isBlank()) {
			return configured;
		}
		// demo data only, documented in the README; never in production (demo is refused
		// there)
		return this.properties.demo() ? "{noop}" + clientId + "-secret" : null;
	}

	private record Registered(RegisteredClient client, boolean usable) {
	}

	private static final class Snapshot {

		private final Registry registry;

		private final Map<String, RegisteredClient> byClientId;

		private final Map<String, RegisteredClient> byId;

		private final List<String> withoutSecret;

		Snapshot(Registry registry, List<Registered> clients) {
			this.registry = registry;
			this.byClientId = clients.stream()
				.filter(Registered::usable)
				.map(Registered::client)
				.collect(Collectors.toUnmodifiableMap(RegisteredClient::getClientId, Function.identity()));
			this.byId = this.byClientId.values()
				.stream()
				.collect(Collectors.toUnmodifiableMap(RegisteredClient::getId, Function.identity()));
			this.withoutSecret = clients.stream()
				.filter((c) -> !c.usable())
				.map((c) -> c.client().getClientId())
				.toList();
		}

	}

}
