package org.onesignin.hub.limits;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import graphql.ErrorClassification;
import graphql.ExecutionInput;
import graphql.GraphQLError;
import graphql.execution.AbortExecutionException;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationValidationParameters;
import graphql.language.Document;
import graphql.validation.ValidationError;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Refuses, before validation and execution, a document that exceeds a limit of
 * {@link GraphQlLimitsProperties}: a request-level error classified
 * {@code QUERY_TOO_COMPLEX} that names the limit. Measuring is linear in the document's
 * size, fragment bombs included (validation itself is not).
 */
@Component
@EnableConfigurationProperties(GraphQlLimitsProperties.class)
class GraphQlCostLimits extends SimplePerformantInstrumentation {

	/** The classification of a refused document. */
	enum Refusal implements ErrorClassification {

		QUERY_TOO_COMPLEX

	}

	private final GraphQlLimitsProperties limits;

	private final int maxPageSize;

	GraphQlCostLimits(GraphQlLimitsProperties limits,
			@org.springframework.beans.factory.annotation.Value("${hub.graphql.max-page-size:100}") int maxPageSize) {
		this.limits = limits;
		this.maxPageSize = maxPageSize;
	}

	@Override
	public InstrumentationContext<List<ValidationError>> beginValidation(InstrumentationValidationParameters parameters,
			InstrumentationState state) {
		Optional<GraphQLError> refusal = refusal(parameters.getDocument(), parameters.getExecutionInput());
		if (refusal.isPresent()) {
			throw new AbortExecutionException(List.of(refusal.get()));
		}
		return super.beginValidation(parameters, state);
	}

	/**
	 * Why the operation the input runs from this document may not run, if it may not: a
	 * page size out of range ({@code BAD_REQUEST}) or the first limit it exceeds.
	 */
	Optional<GraphQLError> refusal(Document document, ExecutionInput input) {
		DocumentCost cost = DocumentCost.of(document, input.getOperationName(), input.getVariables(), this.maxPageSize);
		if (cost.pageSizeOutOfRange()) {
			return Optional.of(GraphQLError.newError()
				.errorType(org.springframework.graphql.execution.ErrorType.BAD_REQUEST)
				.message("first must be between 1 and " + this.maxPageSize)
				.build());
		}
		return exceeded("depth", cost.depth(), this.limits.maxDepth())
			.or(() -> exceeded("complexity", cost.complexity(), this.limits.maxComplexity()))
			.or(() -> exceeded("aliases", cost.aliases(), this.limits.maxAliases()))
			.or(() -> exceeded("rootFields", cost.rootFields(), this.limits.maxRootFields()));
	}

	private static Optional<GraphQLError> exceeded(String limit, long actual, int maximum) {
		if (actual <= maximum) {
			return Optional.empty();
		}
		return Optional.of(GraphQLError.newError()
			.errorType(Refusal.QUERY_TOO_COMPLEX)
			.message("The document exceeds the " + limit + " limit of " + maximum)
			.extensions(Map.of("limit", limit, "maximum", maximum))
			.build());
	}

}
