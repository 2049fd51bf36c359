package org.onesignin.hub.signin;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.onesignin.hub.account.AccountId;
import org.onesignin.hub.account.Account;
import org.onesignin.hub.account.AccountManagement;
import org.onesignin.hub.account.Accounts;
import org.onesignin.hub.audit.AccessLog;
import org.onesignin.hub.caller.HubSecurityProperties;
import org.onesignin.hub.caller.QuietBearerEntryPoint;
import org.onesignin.hub.signin.web.TolerantCsrfTokens;
import org.onesignin.hub.registry.RegistryManagement;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

/**
 * The hub's sign-in server, One Sign In (Spring Authorization Server), in every profile:
 * the registry's OAuth clients with secrets from configuration, a sign-in page checking
 * One Sign In credentials, OIDC (discovery, JWKS, userinfo, logout), and signing keys
 * kept and rotated in the store. The demo adds demo data only: demo client secrets, demo
 * support agents and {@code POST /local/token}; the {@code production} profile refuses
 * it.
 */
@Configuration(proxyBeanMethods = false)
class SignInServerConfiguration {

	/** Tokens a retired key signed may still be presented this long after it retires. */
	private static final Duration LONGEST_SIGNED_TOKEN = Duration.ofHours(1);

	SignInServerConfiguration(SignInProperties properties, HubSecurityProperties security, Environment environment) {
		if (security.issuer() == null || security.issuer().isBlank()) {
			throw new IllegalStateException(
					"Set HUB_ISSUER (hub.security.issuer): the public URL of the hub's sign-in server, as tokens name it");
		}
		if (properties.demo() && environment.matchesProfiles("production")) {
			throw new IllegalStateException("hub.sign-in.demo must be off with the production profile: demo client "
					+ "secrets and demo agents' passwords are published");
		}
	}

	@Bean
	SigningKeys signingKeys(SigningKeyStore store, SignInProperties properties, Clock clock) {
		Duration longest = properties.accessTokenLifetime().compareTo(LONGEST_SIGNED_TOKEN) > 0
				? properties.accessTokenLifetime() : LONGEST_SIGNED_TOKEN;
		return new SigningKeys(store, properties.keyRotationPeriod(), longest, clock);
	}

	@Bean
	JwtEncoder jwtEncoder(SigningKeys keys) {
		return new NimbusJwtEncoder(keys.forSigning());
	}

	@Bean
	AuthorizationServerSettings authorizationServerSettings(HubSecurityProperties security) {
		return AuthorizationServerSettings.builder().issuer(security.issuer()).build();
	}

	@Bean
	LocalTokenClaims localTokenClaims(HubSecurityProperties security, RegistryManagement registry) {
		return new LocalTokenClaims(security, registry);
	}

	@Bean
	RegisteredClientRepository registeredClientRepository(RegistryManagement registry, SignInProperties properties,
			HubSecurityProperties security) {
		return new RegistryClients(registry, properties, security.accountPagesClients());
	}

	@Bean
	OAuth2TokenCustomizer<JwtEncodingContext> hubTokenCustomizer(LocalTokenClaims claims, Accounts accounts) {
		return (context) -> {
			String clientId = context.getRegisteredClient().getClientId();
			if (context.getPrincipal().getPrincipal() instanceof HubUser user && !user.isStaff()
					&& !accounts.findById(new AccountId(user.getUsername())).map(Account::isActive).orElse(false)) {
				// a code or refresh token outlives neither the identity nor its closing
				throw new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_GRANT);
			}
			if (context.getPrincipal().getPrincipal() instanceof HubUser user && !claims.admits(clientId, user)) {
				throw new OAuth2AuthenticationException(OAuth2ErrorCodes.ACCESS_DENIED);
			}
			if (OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
				if (context.getPrincipal().getPrincipal() instanceof HubUser user) {
					claims.forIdToken(context.getClaims(), user);
				}
				return;
			}
			if (!OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
				return;
			}
			if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
				claims.forClient(context.getClaims(), clientId);
			}
			else if (context.getPrincipal().getPrincipal() instanceof HubUser user) {
				claims.forPerson(context.getClaims(), clientId, user);
			}
		};
	}

	@Bean
	OAuth2TokenGenerator<OAuth2Token> hubTokenGenerator(JwtEncoder encoder,
			OAuth2TokenCustomizer<JwtEncodingContext> hubTokenCustomizer, Clock clock) {
		return new PublicClientRefreshTokenGenerator(encoder, hubTokenCustomizer, clock);
	}

	@Bean
	UserDetailsService hubUserDetailsService(Accounts accounts, SignInProperties properties,
			PasswordEncoder passwords) {
		return new HubUserDetailsService(accounts, properties.demo() ? properties.staff() : List.of(), passwords);
	}

	@Bean
	@ConditionalOnProperty(name = "hub.sign-in.demo", havingValue = "true")
	LocalTokenIssuer localTokenIssuer(AuthenticationManager personSignIn, PasswordEncoder passwords,
			RegisteredClientRepository clients, JwtEncoder encoder, LocalTokenClaims claims,
			HubSecurityProperties security, SignInProperties properties, Clock clock) {
		return new LocalTokenIssuer(personSignIn, clients, passwords, encoder, claims, security.issuer(),
				properties.accessTokenLifetime(), clock);
	}

	@Bean
	@ConditionalOnProperty(name = "hub.sign-in.demo", havingValue = "true")
	DemoPerson demoPerson(AccountManagement management, Accounts accounts, RegistryManagement registry) {
		return new DemoPerson(management, accounts, registry);
	}

	@Bean
	@Order(1)
	SecurityFilterChain authorizationServerSecurityFilterChain(HttpSecurity http,
			RegisteredClientRepository registeredClients, SignInRevocations revocations,
			AuthorizationServerSettings settings) throws Exception {
		OAuth2AuthorizationServerConfigurer authorizationServer = new OAuth2AuthorizationServerConfigurer();
		// a browser (Accept: text/html) goes to the sign-in page; a back end's call
		// without credentials (no Accept, or */* as curl sends) is answered 401
		MediaTypeRequestMatcher browsers = new MediaTypeRequestMatcher(MediaType.TEXT_HTML);
		browsers.setIgnoredMediaTypes(Set.of(MediaType.ALL));
		authorizationServer.clientAuthentication((clients) -> clients
			.authenticationConverter(new PublicClientIdAuthenticationConverter(settings.getTokenEndpoint(),
					settings.getTokenRevocationEndpoint()))
			.authenticationProvider(new PublicClientIdAuthenticationProvider(registeredClients)));
		http.securityMatcher(authorizationServer.getEndpointsMatcher())
			.with(authorizationServer,
					(server) -> server.oidc((oidc) -> oidc
						.logoutEndpoint((logout) -> logout.logoutResponseHandler(new SignOutEverywhere(revocations)))))
			.authorizeHttpRequests((authorize) -> authorize.anyRequest().authenticated())
			// userinfo's bearer tokens: refused without saying why, as on the API
			.oauth2ResourceServer((resourceServer) -> resourceServer.jwt(Customizer.withDefaults())
				.authenticationEntryPoint(new QuietBearerEntryPoint()))
			.exceptionHandling((exceptions) -> exceptions
				.defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"), browsers));
		return http.build();
	}

	@Bean
	@Order(3)
	SecurityFilterChain signInPageSecurityFilterChain(HttpSecurity http, AuthenticationManager personSignIn)
			throws Exception {
		// the hub's own page (signin.web) at GET /login, whatever its query (?error,
		// ?logout); Spring Security still checks the credentials posted there (throttled,
		// with no parent manager to fall back on), changes the session id and continues
		// the saved request
		http.authenticationManager(personSignIn)
			.authorizeHttpRequests((authorize) -> authorize.requestMatchers("/login", "/sign-in/**")
				.permitAll()
				.anyRequest()
				.authenticated())
			.formLogin((form) -> form.loginPage("/login").permitAll())
			.csrf((csrf) -> csrf.csrfTokenRequestHandler(new TolerantCsrfTokens()))
			.headers((headers) -> headers
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)));
		return http.build();
	}

	/**
	 * The person sign-in's one check, for the sign-in page and {@code /local/token}: the
	 * password first, then the identity's state, throttled. As the application's only
	 * {@link AuthenticationManager} it also replaces the unthrottled one Spring Security
	 * would otherwise build from the {@link UserDetailsService}, so no other path can
	 * check a password around the lockout.
	 */
	@Bean
	AuthenticationManager personSignIn(UserDetailsService users, PasswordEncoder passwords, SignInFailures failures,
			LockoutProperties lockout, AccessLog accessLog, Clock clock) {
		return new ProviderManager(
				new ThrottledSignIn(new PasswordCheckedFirst(users, passwords), failures, lockout, accessLog, clock));
	}

}
