package org.onesignin.hub.limits;

import org.junit.jupiter.api.Test;
import org.onesignin.hub.support.HubIntegrationTest;

import org.springframework.test.context.TestPropertySource;

/**
 * With {@code hub.graphql.introspection=false} (the production profile's setting) the
 * schema cannot be read through the API; the published documents are what clients use.
 */
@TestPropertySource(properties = "hub.graphql.introspection=false")
class IntrospectionOffIntegrationTests extends HubIntegrationTest {

	@Test
	void refusesIntrospectionWhenItIsOff() {
		anonymous().document("query { __schema { types { name } } }")
			.execute()
			.errors()
			.expect((error) -> "IntrospectionDisabled".equals(error.getErrorType().toString()))
			.verify()
			.path("__schema")
			.pathDoesNotExist();
	}

	@Test
	void stillAnswersOrdinaryQueries() {
		anonymous().documentName("account-pages/privacyContacts").execute().path("privacyContacts[0].id").hasValue();
	}

}
