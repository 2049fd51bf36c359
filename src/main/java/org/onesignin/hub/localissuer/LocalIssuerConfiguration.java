package org.onesignin.hub.localissuer;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

import org.onesignin.hub.account.Accounts;
import org.onesignin.hub.caller.HubSecurityProperties;
import org.onesignin.hub.registry.RegistryManagement;
import org.onesignin.hub.registry.Service;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

/**
 * The local token issuer (Spring Authorization Server), on by default for local runs and
 * off with the {@code production} profile: the registry's OAuth clients (client
 * credentials for partners, authorization code + PKCE for people), a sign-in page
 * checking One Sign In credentials, the seeded support agents, and a signing key kept
 * under {@code ./data}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "hub.local-issuer.enabled", havingValue = "true")
class LocalIssuerConfiguration {

	/** Staff tooling's public client; it acts for no service. */
	static final String SUPPORT_CONSOLE = "support-console";

	/** The account pages' public client (acts for my-sony). */
	static final String ACCOUNT_PAGES = "account-pages";

	@Bean
	LocalSigningKey localSigningKey(LocalIssuerProperties properties) {
		return LocalSigningKey.loadOrCreate(Path.of(properties.keyFile()));
	}

	@Bean
	JWKSource<SecurityContext> jwkSource(LocalSigningKey key) {
		return new ImmutableJWKSet<>(new JWKSet(key.jwk()));
	}

	@Bean
	JwtEncoder jwtEncoder(JWKSource<SecurityContext> jwkSource) {
		return new NimbusJwtEncoder(jwkSource);
	}

	@Bean
	AuthorizationServerSettings authorizationServerSettings(HubSecurityProperties security) {
		return AuthorizationServerSettings.builder().issuer(security.issuer()).build();
	}

	@Bean
	LocalTokenClaims localTokenClaims(HubSecurityProperties security) {
		return new LocalTokenClaims(security);
	}

	@Bean
	RegisteredClientRepository registeredClientRepository(RegistryManagement registry,
			LocalIssuerProperties properties) {
		TokenSettings tokens = TokenSettings.builder()
			.accessTokenTimeToLive(Duration.ofMinutes(properties.tokenMinutes()))
			.build();
		List<RegisteredClient> clients = new ArrayList<>();
		clients.add(publicClient(SUPPORT_CONSOLE, properties, tokens));
		for (Service service : registry.registry().services()) {
			for (String clientId : service.clientIds()) {
				clients.add(ACCOUNT_PAGES.equals(clientId) ? publicClient(clientId, properties, tokens)
						: confidentialClient(clientId, properties, tokens));
			}
		}
		return new InMemoryRegisteredClientRepository(clients);
	}

	@Bean
	OAuth2TokenCustomizer<JwtEncodingContext> hubTokenCustomizer(LocalTokenClaims claims) {
		return (context) -> {
			if (!OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
				return;
			}
			String clientId = context.getRegisteredClient().getClientId();
			if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
				claims.forClient(context.getClaims(), clientId);
			}
			else if (context.getPrincipal().getPrincipal() instanceof HubUser user) {
				claims.forPerson(context.getClaims(), clientId, user);
			}
		};
	}

	@Bean
	UserDetailsService hubUserDetailsService(Accounts accounts, LocalIssuerProperties properties,
			PasswordEncoder passwords) {
		return new HubUserDetailsService(accounts, properties, passwords);
	}

	@Bean
	LocalTokenIssuer localTokenIssuer(UserDetailsService users, PasswordEncoder passwords,
			RegisteredClientRepository clients, JwtEncoder encoder, LocalTokenClaims claims,
			HubSecurityProperties security, LocalIssuerProperties properties, java.time.Clock clock) {
		DaoAuthenticationProvider provider = new DaoAuthenticationProvider(users);
		provider.setPasswordEncoder(passwords);
		AuthenticationManager authentication = new ProviderManager(provider);
		return new LocalTokenIssuer(authentication, clients, encoder, claims, security.issuer(),
				Duration.ofMinutes(properties.tokenMinutes()), clock);
	}

	@Bean
	@Order(1)
	SecurityFilterChain authorizationServerSecurityFilterChain(HttpSecurity http) throws Exception {
		OAuth2AuthorizationServerConfigurer authorizationServer = new OAuth2AuthorizationServerConfigurer();
		http.securityMatcher(authorizationServer.getEndpointsMatcher())
			.with(authorizationServer, (server) -> server.oidc(Customizer.withDefaults()))
			.authorizeHttpRequests((authorize) -> authorize.anyRequest().authenticated())
			.exceptionHandling((exceptions) -> exceptions.defaultAuthenticationEntryPointFor(
					new LoginUrlAuthenticationEntryPoint("/login"), new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
		return http.build();
	}

	@Bean
	@Order(3)
	SecurityFilterChain signInPageSecurityFilterChain(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests(
				(authorize) -> authorize.requestMatchers("/local/callback").permitAll().anyRequest().authenticated())
			.formLogin(Customizer.withDefaults());
		return http.build();
	}

	private static RegisteredClient publicClient(String clientId, LocalIssuerProperties properties,
			TokenSettings tokens) {
		RegisteredClient.Builder builder = RegisteredClient
			.withId(UUID.nameUUIDFromBytes(clientId.getBytes()).toString())
			.clientId(clientId)
			.clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.scope("openid")
			.clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
			.tokenSettings(tokens);
		properties.redirectUris().forEach(builder::redirectUri);
		return builder.build();
	}

	private static RegisteredClient confidentialClient(String clientId, LocalIssuerProperties properties,
			TokenSettings tokens) {
		RegisteredClient.Builder builder = RegisteredClient
			.withId(UUID.nameUUIDFromBytes(clientId.getBytes()).toString())
			.clientId(clientId)
			// local-only secrets, documented in the README: "<client-id>-secret"
			.clientSecret("{noop}" + clientId + "-secret")
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
			.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.scope("openid")
			.clientSettings(ClientSettings.builder().requireAuthorizationConsent(false).build())
			.tokenSettings(tokens);
		properties.redirectUris().forEach(builder::redirectUri);
		return builder.build();
	}

}
