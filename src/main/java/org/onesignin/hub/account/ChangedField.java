package org.onesignin.hub.account;

import org.onesignin.hub.shared.BasicDetailField;

/**
 * What one change-history entry changed: a basic-detail field, or the password (recorded
 * without any value).
 */
public enum ChangedField {

	EMAIL, GIVEN_NAME, FAMILY_NAME, DATE_OF_BIRTH, COUNTRY, LANGUAGE, PHONE, POSTAL_ADDRESS, PASSWORD;

	static ChangedField of(BasicDetailField field) {
		return valueOf(field.name());
	}

}
