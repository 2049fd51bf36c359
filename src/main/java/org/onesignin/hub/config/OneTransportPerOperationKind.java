package org.onesignin.hub.config;

import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.language.Document;
import graphql.language.NodeUtil;
import graphql.language.OperationDefinition;
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
 * The WebSocket transport carries subscriptions only, and HTTP everything else. A
 * WebSocket's token is checked once, at {@code connection_init}, so queries and mutations
 * go over HTTP, where every request carries a token that is checked again; a subscription
 * sent over HTTP would answer a serialised publisher, so it is refused.
 */
@Component
class OneTransportPerOperationKind implements WebGraphQlInterceptor {

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		if (request instanceof WebSocketGraphQlRequest && !isSubscription(request)) {
			return refuse(request, ErrorType.FORBIDDEN, "Queries and mutations go over HTTP");
		}
		// most documents never name a subscription: only those are parsed here
		if (!(request instanceof WebSocketGraphQlRequest) && request.getDocument().contains("subscription")
				&& isSubscription(request)) {
			return refuse(request, ErrorType.BAD_REQUEST,
					"Subscriptions go over WebSocket at /graphql (graphql-transport-ws)");
		}
		return chain.next(request);
	}

	private static Mono<WebGraphQlResponse> refuse(WebGraphQlRequest request, ErrorType type, String message) {
		GraphQLError refusal = GraphQLError.newError().errorType(type).message(message).build();
		return Mono.just(new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(),
				ExecutionResult.newExecutionResult().addError(refusal).build())));
	}

	private static boolean isSubscription(WebGraphQlRequest request) {
		try {
			// the very operation GraphQL Java will run (an empty name counts as none)
			Document document = Parser.parse(request.getDocument());
			return NodeUtil.getOperation(document, request.getOperationName()).operationDefinition
				.getOperation() == OperationDefinition.Operation.SUBSCRIPTION;
		}
		catch (RuntimeException ex) {
			// a syntax error or no such operation: GraphQL Java reports it as usual
			return request instanceof WebSocketGraphQlRequest;
		}
	}

}
