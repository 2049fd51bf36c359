package org.onesignin.hub.shared.graphql;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.graphql.data.pagination.CursorEncoder;
import org.springframework.graphql.data.pagination.CursorStrategy;
import org.springframework.graphql.data.pagination.EncodingCursorStrategy;

/**
 * The hub's cursor format for every Relay connection (see {@link OpaqueCursorStrategy}),
 * in place of Boot's default.
 */
@Configuration(proxyBeanMethods = false)
class GraphQlPagination {

	@Bean
	EncodingCursorStrategy<ScrollPosition> cursorStrategy() {
		// the strategy encodes itself (URL-safe base64); no second encoding
		return CursorStrategy.withEncoder(new OpaqueCursorStrategy(), new CursorEncoder() {
			@Override
			public String encode(String cursor) {
				return cursor;
			}

			@Override
			public String decode(String cursor) {
				return cursor;
			}
		});
	}

}
