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

	/** What graphql-java says after the value it refused. */
	private static final List<String> ENDINGS = List.of("' must not be null", "' is not a valid",
			"' contains a field not in", "' is missing required fields");

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
		return message != null
				&& (message.contains("{value=") || message.contains("{name=") || message.contains("NullValue{")
						|| message.contains("ObjectValue{") || message.contains("ArrayValue{"));
	}

	/**
	 * The message with each simple value as the caller wrote it; a null or an input
	 * object (whose printed form nests its fields' classes) is left out of the message.
	 */
	static String withoutValueObjects(String message) {
		String plain = VALUE_OBJECT.matcher(message).replaceAll("$1");
		int value = plain.indexOf(" with value '");
		if (value < 0
				|| !(plain.contains("NullValue{") || plain.contains("ObjectValue{") || plain.contains("ArrayValue{"))) {
			return plain;
		}
		int tail = -1;
		for (String ending : ENDINGS) {
			int at = plain.indexOf(ending, value);
			if (at >= 0 && (tail < 0 || at < tail)) {
				tail = at;
			}
		}
		// the value's closing quote goes with it
		return (tail >= 0) ? plain.substring(0, value) + plain.substring(tail + 1) : plain.substring(0, value);
	}

	private static GraphQLError plain(ResponseError error) {
		String message = (error.getMessage() != null) ? withoutValueObjects(error.getMessage()) : null;
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
