package org.onesignin.hub.config;

import org.onesignin.hub.shared.SignedIn;
import org.springframework.aop.Advisor;
import org.springframework.aop.Pointcut;
import org.springframework.aop.support.ComposablePointcut;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.Role;
import org.springframework.security.authorization.AuthenticatedAuthorizationManager;
import org.springframework.security.authorization.method.AuthorizationInterceptorsOrder;
import org.springframework.security.authorization.method.AuthorizationManagerBeforeMethodInterceptor;

import org.onesignin.hub.caller.BearerTokens;
import org.onesignin.hub.caller.CallerResolver;
import org.onesignin.hub.caller.HubSecurityProperties;
import org.onesignin.hub.caller.QuietBearerEntryPoint;
import org.onesignin.hub.signin.SigningKeys;
import org.onesignin.hub.shared.Caller;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The hub as an OAuth2 resource server: the API validates JWTs (signature, issuer,
 * expiry, audience) of the hub's own issuer and the trusted external ones, and resolves
 * each to one {@link Caller} ({@link BearerTokens}); authorisation happens in the
 * application services, so {@code /graphql} itself admits anonymous requests (which then
 * get GraphQL {@code UNAUTHORIZED} errors) while a bad token is refused with HTTP 401.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

	@Bean
	@Order(2)
	SecurityFilterChain apiSecurityFilterChain(HttpSecurity http, BearerTokens tokens) throws Exception {
		http.securityMatcher("/graphql/**", "/graphiql/**", "/actuator/**", "/local/token", "/unsubscribe/**", "/me/**",
				"/error")
			.authorizeHttpRequests((authorize) -> authorize.requestMatchers("/actuator/health/**", "/actuator/info")
				.permitAll()
				.requestMatchers("/actuator/**")
				.denyAll()
				.requestMatchers("/me/**")
				.authenticated()
				.anyRequest()
				.permitAll())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			// bearer tokens only, no cookies: CSRF cannot ride on them
			.csrf((csrf) -> csrf.disable())
			.oauth2ResourceServer((resourceServer) -> resourceServer.authenticationManagerResolver(tokens.forRequests())
				// say only that the token is invalid, not what is wrong with it
				.authenticationEntryPoint(new QuietBearerEntryPoint()));
		return http.build();
	}

	/** The hub's own tokens (also what the sign-in server's userinfo endpoint checks). */
	@Bean
	JwtDecoder jwtDecoder(HubSecurityProperties properties, SigningKeys hubKeys) {
		// the hub's own tokens are checked against the keys in the store: no HTTP round
		// trip to itself
		return BearerTokens.verified(NimbusJwtDecoder.withJwkSource(hubKeys).build(), properties.issuer(),
				properties.audience(), properties.verifiedTokens());
	}

	@Bean
	BearerTokens bearerTokens(HubSecurityProperties properties, JwtDecoder hubTokens, CallerResolver callers) {
		return new BearerTokens(properties, hubTokens, callers);
	}

	/**
	 * {@link SignedIn}: an authenticated caller, checked without an expression per call.
	 */
	@Bean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	static Advisor signedInOnly() {
		Pointcut pointcut = new ComposablePointcut(new AnnotationMatchingPointcut(SignedIn.class, true))
			.union(new AnnotationMatchingPointcut(null, SignedIn.class, true));
		AuthorizationManagerBeforeMethodInterceptor interceptor = new AuthorizationManagerBeforeMethodInterceptor(
				pointcut, AuthenticatedAuthorizationManager.authenticated());
		interceptor.setOrder(AuthorizationInterceptorsOrder.PRE_AUTHORIZE.getOrder());
		return interceptor;
	}

	/**
	 * No observation per security filter, authentication or authorisation: the request's
	 * own observation ({@code http.server.requests}) is what an operator reads, and the
	 * per-filter ones cost about a tenth of a request (issue 10's profile).
	 */
	@Bean
	SecurityObservationSettings securityObservations() {
		return SecurityObservationSettings.noObservations();
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

}
