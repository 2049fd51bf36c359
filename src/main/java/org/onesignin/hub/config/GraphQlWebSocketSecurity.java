package org.onesignin.hub.config;

import org.onesignin.hub.caller.BearerTokens;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.server.WebSocketGraphQlInterceptor;
import org.springframework.graphql.server.support.BearerTokenAuthenticationExtractor;
import org.springframework.graphql.server.webmvc.AuthenticationWebSocketInterceptor;

/**
 * Subscriptions over graphql-ws: browsers cannot set headers on a WebSocket handshake, so
 * the access token comes in the {@code connection_init} payload ({@code {"Authorization":
 * "Bearer …"}}) and is validated exactly like an HTTP one, by the same
 * {@link BearerTokens}.
 */
@Configuration(proxyBeanMethods = false)
class GraphQlWebSocketSecurity {

	@Bean
	WebSocketGraphQlInterceptor authenticationWebSocketInterceptor(BearerTokens tokens) {
		return new AuthenticationWebSocketInterceptor(new BearerTokenAuthenticationExtractor(), tokens);
	}

}
