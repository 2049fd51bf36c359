package org.onesignin.hub.config;

import java.util.List;
import java.util.regex.Pattern;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import reactor.core.publisher.Mono;

import org.springframework.graphql.ResponseError;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;

/**
 * GraphQL Java's validation messages name its own classes for the values it refused
 * ({@code IntValue{value=99999999999}}, {@code EnumValue{name=x}}): the caller gets the
 * value alone, never a class name of the hub's libraries.
 */
@Component
class PlainErrorMessages implements WebGraphQlInterceptor {

	/** Only GraphQL Java's own value classes, matched without backtracking. */
	private static final Pattern VALUE_OBJECT = Pattern.compile(
			"\\b(?:String|Int|Float|Boolean|Enum|Null|Array|Object|Variable)(?:Value|Reference)\\{(?:value|name)=([^}]*+)\\}");

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		return chain.next(request).map((response) -> {
			List<ResponseError> errors = response.getErrors();
			if (errors.stream().noneMatch((error) -> hasValueObject(error.getMessage()))) {
				return response;
			}
			return response
				.transform((builder) -> builder.errors(errors.stream().map(PlainErrorMessages::plain).toList()));
		});
	}

	private static boolean hasValueObject(String message) {
		// a plain search first: a message echoes the caller's input, of any length
		return message != null && (message.contains("{value=") || message.contains("{name="))
				&& VALUE_OBJECT.matcher(message).find();
	}

	private static GraphQLError plain(ResponseError error) {
		String message = (error.getMessage() != null) ? VALUE_OBJECT.matcher(error.getMessage()).replaceAll("$1")
				: null;
		GraphqlErrorBuilder<?> plain = GraphqlErrorBuilder.newError()
			.message(message)
			.locations(error.getLocations())
			.errorType(error.getErrorType())
			.extensions(error.getExtensions());
		if (!error.getParsedPath().isEmpty()) {
			plain.path(error.getParsedPath());
		}
		return plain.build();
	}

}
