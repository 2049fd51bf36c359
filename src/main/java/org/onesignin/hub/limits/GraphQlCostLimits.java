package org.onesignin.hub.limits;

import java.util.List;
import java.util.Map;

import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.execution.AbortExecutionException;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationValidationParameters;
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
		DocumentCost cost = DocumentCost.of(parameters.getDocument(), parameters.getExecutionInput().getOperationName(),
				parameters.getExecutionInput().getVariables(), this.maxPageSize);
		if (cost.pageSizeOutOfRange()) {
			throw new AbortExecutionException(List.of(GraphQLError.newError()
				.errorType(org.springframework.graphql.execution.ErrorType.BAD_REQUEST)
				.message("first must be between 1 and " + this.maxPageSize)
				.build()));
		}
		check("depth", cost.depth(), this.limits.maxDepth());
		check("complexity", cost.complexity(), this.limits.maxComplexity());
		check("aliases", cost.aliases(), this.limits.maxAliases());
		check("rootFields", cost.rootFields(), this.limits.maxRootFields());
		return super.beginValidation(parameters, state);
	}

	private static void check(String limit, long actual, int maximum) {
		if (actual > maximum) {
			GraphQLError error = GraphQLError.newError()
				.errorType(Refusal.QUERY_TOO_COMPLEX)
				.message("The document exceeds the " + limit + " limit of " + maximum)
				.extensions(Map.of("limit", limit, "maximum", maximum))
				.build();
			throw new AbortExecutionException(List.of(error));
		}
	}

}
