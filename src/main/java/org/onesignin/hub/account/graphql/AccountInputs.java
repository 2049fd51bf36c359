package org.onesignin.hub.account.graphql;

import org.springframework.graphql.data.ArgumentValue;

/**
 * Input records of the account module, named like their schema input types. Partial
 * updates bind {@link ArgumentValue} so "omitted" (unchanged) and "null" (clear) differ.
 */
final class AccountInputs {

	private AccountInputs() {
	}

	record RegisterAccountInput(String email, String password, String serviceAccountId, BasicDetailsInput basicDetails,
			Boolean emailVerified) {
	}

	record ChangePasswordInput(String currentPassword, String newPassword) {
	}

	record RequestPasswordResetInput(String email) {
	}

	record BasicDetailsInput(String givenName, String familyName, String dateOfBirth, String country, String language,
			String phone, PostalAddressInput postalAddress) {
	}

	record PostalAddressInput(String streetAddress, String locality, String region, String postalCode, String country) {
	}

	record UpdateBasicDetailsInput(String accountId, int expectedRevision, ArgumentValue<String> givenName,
			ArgumentValue<String> familyName, ArgumentValue<String> dateOfBirth, ArgumentValue<String> country,
			ArgumentValue<String> language, ArgumentValue<String> phone,
			ArgumentValue<PostalAddressInput> postalAddress, String ticket) {
	}

	record ChangeSignInEmailInput(String accountId, int expectedRevision, String newEmail, String ticket) {
	}

	record LinkServiceAccountInput(String serviceId, String serviceAccountId) {
	}

	record AccountSearchInput(String email, String phone, String name) {
	}

	record CancelServiceAccountInput(String accountId, String serviceId, String reason, String ticket) {
	}

	record CloseAccountInput(String reason) {
	}

}
