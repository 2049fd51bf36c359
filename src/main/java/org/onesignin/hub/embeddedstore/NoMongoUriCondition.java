package org.onesignin.hub.embeddedstore;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Matches when neither {@code spring.mongodb.uri} nor {@code MONGODB_URI} names a
 * MongoDB.
 */
class NoMongoUriCondition implements Condition {

	@Override
	public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
		return !StringUtils.hasText(context.getEnvironment().getProperty("spring.mongodb.uri"))
				&& !StringUtils.hasText(context.getEnvironment().getProperty("MONGODB_URI"));
	}

}
