package org.onesignin.hub.config;

import graphql.GraphQLError;

import org.onesignin.hub.shared.BadRequestException;
import org.onesignin.hub.shared.LimitExceededException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.execution.SubscriptionExceptionResolver;
import org.springframework.graphql.execution.SubscriptionExceptionResolverAdapter;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;

/**
 * Refusals of a subscription as UNAUTHORIZED, FORBIDDEN or BAD_REQUEST, like those of
 * queries (anything else stays an opaque error).
 */
@Configuration(proxyBeanMethods = false)
class GraphQlSubscriptionErrors {

	@Bean
	SubscriptionExceptionResolver securitySubscriptionExceptionResolver() {
		return new SubscriptionExceptionResolverAdapter() {
			@Override
			protected GraphQLError resolveToSingleError(Throwable ex) {
				if (ex instanceof AuthenticationException) {
					return GraphQLError.newError().errorType(ErrorType.UNAUTHORIZED).message("Unauthorized").build();
				}
				if (ex instanceof AccessDeniedException) {
					return GraphQLError.newError().errorType(ErrorType.FORBIDDEN).message("Forbidden").build();
				}
				if (ex instanceof BadRequestException badRequest) {
					return GraphQLError.newError()
						.errorType(ErrorType.BAD_REQUEST)
						.message(badRequest.getMessage())
						.build();
				}
				if (ex instanceof LimitExceededException limit) {
					return GraphQLError.newError().errorType(ErrorType.FORBIDDEN).message(limit.getMessage()).build();
				}
				return null;
			}
		};
	}

}
