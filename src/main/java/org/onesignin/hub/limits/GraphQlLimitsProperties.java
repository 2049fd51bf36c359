package org.onesignin.hub.limits;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The bounds on what one GraphQL document may make the hub do
 * ({@code hub.graphql.limits.*}); the defaults leave room for every document in
 * {@code graphql/operations/}.
 *
 * @param maxDepth the deepest field, counted from the root
 * @param maxComplexity fields, each weighted by the page sizes ({@code first}) above it
 * @param maxAliases aliased fields in the whole document
 * @param maxRootFields fields at the root of the operation
 */
@ConfigurationProperties("hub.graphql.limits")
public record GraphQlLimitsProperties(Integer maxDepth, Integer maxComplexity, Integer maxAliases,
		Integer maxRootFields) {

	public GraphQlLimitsProperties {
		maxDepth = (maxDepth != null) ? maxDepth : 12;
		maxComplexity = (maxComplexity != null) ? maxComplexity : 5000;
		maxAliases = (maxAliases != null) ? maxAliases : 20;
		maxRootFields = (maxRootFields != null) ? maxRootFields : 10;
	}

}
