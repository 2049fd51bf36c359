package org.onesignin.hub.config;

import java.util.List;

import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import reactor.core.publisher.Mono;

import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.stereotype.Component;

/**
 * The WebSocket transport carries subscriptions only. Its token is checked once, at
 * {@code connection_init}; queries and mutations go over HTTP, where every request
 * carries a token that is checked again.
 */
@Component
class SubscriptionsOnlyOverWebSocket implements WebGraphQlInterceptor {

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		if (request instanceof WebSocketGraphQlRequest && !isSubscription(request)) {
			GraphQLError refusal = GraphQLError.newError()
				.errorType(ErrorType.FORBIDDEN)
				.message("Queries and mutations go over HTTP")
				.build();
			return Mono.just(new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(),
					ExecutionResult.newExecutionResult().addError(refusal).build())));
		}
		return chain.next(request);
	}

	private static boolean isSubscription(WebGraphQlRequest request) {
		try {
			Document document = Parser.parse(request.getDocument());
			List<OperationDefinition> operations = document.getDefinitionsOfType(OperationDefinition.class);
			return operations.stream()
				.filter((o) -> request.getOperationName() == null || request.getOperationName().equals(o.getName()))
				.findFirst()
				.map((o) -> o.getOperation() == OperationDefinition.Operation.SUBSCRIPTION)
				.orElse(false);
		}
		catch (InvalidSyntaxException ex) {
			// let GraphQL Java report the syntax error as usual
			return true;
		}
	}

}
