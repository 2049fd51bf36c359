package org.onesignin.hub.config;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * GraphQL Java's validation messages reach callers without the names of its classes.
 */
class PlainErrorMessagesUnitTests {

	@Test
	void keepsASimpleValueAsTheCallerWroteIt() {
		assertThat(PlainErrorMessages.withoutValueObjects(
				"Validation error (WrongType@[x]) : argument 'first' with value 'IntValue{value=99999999999}' is not a valid 'Int'"))
			.isEqualTo(
					"Validation error (WrongType@[x]) : argument 'first' with value '99999999999' is not a valid 'Int'");
	}

	@Test
	void leavesANullOrAnInputObjectOutOfTheMessage() {
		assertThat(PlainErrorMessages.withoutValueObjects(
				"Validation error (WrongType@[r]) : argument 'input.email' with value 'NullValue{}' must not be null"))
			.isEqualTo("Validation error (WrongType@[r]) : argument 'input.email' must not be null");
		assertThat(PlainErrorMessages.withoutValueObjects(
				"Validation error (WrongType@[r]) : argument 'input' with value 'ObjectValue{objectFields=[ObjectField{name='email', value=StringValue{value='x@a.b'}}, ObjectField{name='extra', value=IntValue{value=1}}]}' contains a field not in 'RequestPasswordResetInput': 'extra'"))
			.doesNotContain("ObjectValue")
			.doesNotContain("ObjectField")
			.endsWith("contains a field not in 'RequestPasswordResetInput': 'extra'");
	}

}
