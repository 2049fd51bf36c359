package org.onesignin.hub.shared;

/**
 * The basic-detail fields a service can be entitled to receive.
 */
public enum BasicDetailField {

	EMAIL, GIVEN_NAME, FAMILY_NAME, DATE_OF_BIRTH, COUNTRY, LANGUAGE, PHONE, POSTAL_ADDRESS;

	/** The field's name as it appears in the GraphQL input and in event data. */
	public String fieldName() {
		return switch (this) {
			case EMAIL -> "email";
			case GIVEN_NAME -> "givenName";
			case FAMILY_NAME -> "familyName";
			case DATE_OF_BIRTH -> "dateOfBirth";
			case COUNTRY -> "country";
			case LANGUAGE -> "language";
			case PHONE -> "phone";
			case POSTAL_ADDRESS -> "postalAddress";
		};
	}

}
