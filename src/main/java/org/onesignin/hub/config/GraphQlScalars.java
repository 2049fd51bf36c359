package org.onesignin.hub.config;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

/**
 * The custom scalars. On input they accept any string and leave checking to the domain,
 * so a bad email, country or phone comes back with every other problem as typed
 * VALIDATION errors with field paths, rather than as one request-level error for the
 * first bad value.
 */
@Configuration(proxyBeanMethods = false)
class GraphQlScalars {

	@Bean
	RuntimeWiringConfigurer hubScalars() {
		return (wiring) -> wiring.scalar(text("DateTime", "An ISO-8601 instant"))
			.scalar(text("Date", "A date as YYYY-MM-DD"))
			.scalar(text("EmailAddress", "An email address"))
			.scalar(text("CountryCode", "An ISO 3166-1 alpha-2 code"))
			.scalar(text("Locale", "A BCP 47 language tag"))
			.scalar(text("PhoneNumber", "An E.164 phone number"))
			.scalar(json());
	}

	private static GraphQLScalarType text(String name, String description) {
		return GraphQLScalarType.newScalar().name(name).description(description).coercing(new TextCoercing()).build();
	}

	private static GraphQLScalarType json() {
		return GraphQLScalarType.newScalar()
			.name("JSON")
			.description("Arbitrary JSON")
			.coercing(new Coercing<Object, Object>() {
				@Override
				public Object serialize(Object result, GraphQLContext context, Locale locale) {
					return result;
				}

				@Override
				public Object parseValue(Object input, GraphQLContext context, Locale locale) {
					return input;
				}

				@Override
				public Object parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context,
						Locale locale) {
					throw new CoercingParseLiteralException("JSON literals are not accepted as input");
				}
			})
			.build();
	}

	/** Strings in, typed values (dates, instants, strings) out as their ISO text. */
	private static final class TextCoercing implements Coercing<Object, String> {

		@Override
		public String serialize(Object result, GraphQLContext context, Locale locale) {
			if (result instanceof String || result instanceof Instant || result instanceof LocalDate) {
				return result.toString();
			}
			throw new CoercingSerializeException("Unexpected value type " + result.getClass().getSimpleName());
		}

		@Override
		public Object parseValue(Object input, GraphQLContext context, Locale locale) {
			if (input instanceof String string) {
				return string;
			}
			throw new CoercingParseValueException("Expected a string");
		}

		@Override
		public Object parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
			if (input instanceof StringValue string) {
				return string.getValue();
			}
			throw new CoercingParseLiteralException("Expected a string");
		}

	}

}
