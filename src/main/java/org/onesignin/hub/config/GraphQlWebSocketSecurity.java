package org.onesignin.hub.config;

import org.onesignin.hub.caller.CallerResolver;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.server.WebSocketGraphQlInterceptor;
import org.springframework.graphql.server.support.BearerTokenAuthenticationExtractor;
import org.springframework.graphql.server.webmvc.AuthenticationWebSocketInterceptor;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;

/**
 * Subscriptions over graphql-ws: browsers cannot set headers on a WebSocket handshake, so
 * the access token comes in the {@code connection_init} payload ({@code {"Authorization":
 * "Bearer …"}}) and is validated exactly like an HTTP one.
 */
@Configuration(proxyBeanMethods = false)
class GraphQlWebSocketSecurity {

	@Bean
	WebSocketGraphQlInterceptor authenticationWebSocketInterceptor(JwtDecoder decoder, CallerResolver callers) {
		JwtAuthenticationProvider provider = new JwtAuthenticationProvider(decoder);
		provider.setJwtAuthenticationConverter(callers::authenticate);
		return new AuthenticationWebSocketInterceptor(new BearerTokenAuthenticationExtractor(),
				new ProviderManager(provider));
	}

}
