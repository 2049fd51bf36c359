package org.onesignin.hub.account;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.onesignin.hub.shared.BasicDetailField;

/**
 * A person's basic details, already validated and normalised (E.164 phone, upper-case ISO
 * 3166-1 country, BCP 47 language).
 */
public record BasicDetails(String givenName, String familyName, String email, LocalDate dateOfBirth, String country,
		String language, String phone, PostalAddress postalAddress) {

	/** No details at all (a new or erased identity). */
	public static final BasicDetails EMPTY = new BasicDetails(null, null, null, null, null, null, null, null);

	public Object value(BasicDetailField field) {
		return switch (field) {
			case EMAIL -> this.email;
			case GIVEN_NAME -> this.givenName;
			case FAMILY_NAME -> this.familyName;
			case DATE_OF_BIRTH -> this.dateOfBirth;
			case COUNTRY -> this.country;
			case LANGUAGE -> this.language;
			case PHONE -> this.phone;
			case POSTAL_ADDRESS -> this.postalAddress;
		};
	}

	public BasicDetails with(BasicDetailField field, Object value) {
		return new BasicDetails(field == BasicDetailField.GIVEN_NAME ? (String) value : this.givenName,
				field == BasicDetailField.FAMILY_NAME ? (String) value : this.familyName,
				field == BasicDetailField.EMAIL ? (String) value : this.email,
				field == BasicDetailField.DATE_OF_BIRTH ? (LocalDate) value : this.dateOfBirth,
				field == BasicDetailField.COUNTRY ? (String) value : this.country,
				field == BasicDetailField.LANGUAGE ? (String) value : this.language,
				field == BasicDetailField.PHONE ? (String) value : this.phone,
				field == BasicDetailField.POSTAL_ADDRESS ? (PostalAddress) value : this.postalAddress);
	}

	/** Only the given fields; every other field is null. */
	public static BasicDetails restricted(BasicDetails details, java.util.Set<BasicDetailField> fields) {
		BasicDetails restricted = EMPTY;
		for (BasicDetailField field : fields) {
			restricted = restricted.with(field, details.value(field));
		}
		return restricted;
	}

	/** The given fields as event data, keyed by their API names. */
	public Map<String, Object> asData(Iterable<BasicDetailField> fields) {
		Map<String, Object> data = new LinkedHashMap<>();
		for (BasicDetailField field : BasicDetailField.values()) {
			for (BasicDetailField wanted : fields) {
				if (wanted == field) {
					data.put(field.fieldName(), dataValue(value(field)));
				}
			}
		}
		return data;
	}

	private static Object dataValue(Object value) {
		if (value instanceof PostalAddress address) {
			Map<String, Object> map = new LinkedHashMap<>();
			map.put("streetAddress", address.streetAddress());
			map.put("locality", address.locality());
			map.put("region", address.region());
			map.put("postalCode", address.postalCode());
			map.put("country", address.country());
			return map;
		}
		return (value != null) ? value.toString() : null;
	}

}
