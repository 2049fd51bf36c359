package org.onesignin.hub.config;

import graphql.GraphQLError;
import graphql.schema.DataFetchingEnvironment;

import org.onesignin.hub.shared.BadRequestException;
import org.onesignin.hub.shared.AccountNotFoundException;
import org.springframework.graphql.data.method.annotation.GraphQlExceptionHandler;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.web.bind.annotation.ControllerAdvice;

/**
 * Request-level GraphQL errors for what the caller cannot fix through a payload: an
 * account outside the caller's scope (reported exactly like an absent one) and a bad
 * query argument such as a missing support ticket. Authentication and authorisation
 * failures become UNAUTHORIZED and FORBIDDEN through Spring for GraphQL's security
 * resolver; anything else becomes an opaque INTERNAL_ERROR without a stack trace.
 */
@ControllerAdvice
class GraphQlErrorHandling {

	@GraphQlExceptionHandler
	GraphQLError notFound(AccountNotFoundException ex, DataFetchingEnvironment environment) {
		return GraphQLError.newError()
			.errorType(ErrorType.NOT_FOUND)
			.message(ex.getMessage())
			.path(environment.getExecutionStepInfo().getPath())
			.location(environment.getField().getSourceLocation())
			.build();
	}

	@GraphQlExceptionHandler
	GraphQLError badRequest(BadRequestException ex, DataFetchingEnvironment environment) {
		return GraphQLError.newError()
			.errorType(ErrorType.BAD_REQUEST)
			.message(ex.getMessage())
			.path(environment.getExecutionStepInfo().getPath())
			.location(environment.getField().getSourceLocation())
			.build();
	}

}
