package org.onesignin.hub.account;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Email;

import org.onesignin.hub.shared.BasicDetailField;
import org.onesignin.hub.shared.Outcome;
import org.onesignin.hub.shared.Rejection;

/**
 * Validates and normalises basic details on the way in. Every problem is collected, each
 * with the path of its input field, so the caller can fix them all at once.
 */
public final class BasicDetailsValidation {

	static final int MAX_NAME_LENGTH = 100;

	static final int MAX_ADDRESS_PART_LENGTH = 200;

	/**
	 * The longest text any basic detail is read from (an email address is at most 254).
	 */
	static final int MAX_INPUT_LENGTH = 254;

	private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

	private static final Validator VALIDATOR = Validation.byDefaultProvider()
		.configure()
		.messageInterpolator(new org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator())
		.buildValidatorFactory()
		.getValidator();

	private final Clock clock;

	public BasicDetailsValidation(Clock clock) {
		this.clock = clock;
	}

	/** Applies the patch to the current details, or refuses with every invalid field. */
	public Outcome<BasicDetails> apply(BasicDetails current, DetailsPatch patch, String pathPrefix) {
		List<Rejection> rejections = new ArrayList<>();
		BasicDetails result = current;
		for (var entry : patch.values().entrySet()) {
			BasicDetailField field = entry.getKey();
			Object raw = entry.getValue();
			String path = pathPrefix + field.fieldName();
			Object value = (raw != null) ? normalise(field, raw, path, rejections) : null;
			result = result.with(field, value);
		}
		return rejections.isEmpty() ? Outcome.done(result) : Outcome.rejected(rejections);
	}

	/** A normalised sign-in email, or a rejection at the given field path. */
	public static Outcome<String> email(String raw, String path) {
		List<Rejection> rejections = new ArrayList<>();
		String email = normaliseEmail(raw, path, rejections);
		return rejections.isEmpty() ? Outcome.done(email) : Outcome.rejected(rejections);
	}

	/** A phone number in E.164, or empty when it is not a valid number. */
	public static java.util.Optional<String> e164(String raw) {
		List<Rejection> rejections = new ArrayList<>();
		String phone = phone(raw, "phone", rejections);
		return rejections.isEmpty() ? java.util.Optional.of(phone) : java.util.Optional.empty();
	}

	/** The key under which an email is unique: case-insensitive. */
	public static String emailKey(String email) {
		return email.trim().toLowerCase(Locale.ROOT);
	}

	private Object normalise(BasicDetailField field, Object raw, String path, List<Rejection> rejections) {
		// a bound before any parse or pattern: no value of a basic detail is this long
		if (raw instanceof String text && text.length() > MAX_INPUT_LENGTH) {
			rejections.add(Rejection.invalid(path, "Must be at most " + MAX_INPUT_LENGTH + " characters"));
			return null;
		}
		return switch (field) {
			case GIVEN_NAME, FAMILY_NAME -> name((String) raw, path, rejections);
			case EMAIL -> normaliseEmail((String) raw, path, rejections);
			case DATE_OF_BIRTH -> dateOfBirth((String) raw, path, rejections);
			case COUNTRY -> country((String) raw, path, rejections);
			case LANGUAGE -> language((String) raw, path, rejections);
			case PHONE -> phone((String) raw, path, rejections);
			case POSTAL_ADDRESS -> postalAddress((PostalAddress) raw, path, rejections);
		};
	}

	private static String name(String raw, String path, List<Rejection> rejections) {
		String name = raw.strip();
		if (name.isEmpty() || name.length() > MAX_NAME_LENGTH) {
			rejections.add(Rejection.invalid(path, "Must be 1 to " + MAX_NAME_LENGTH + " characters"));
			return null;
		}
		if (name.codePoints().anyMatch(Character::isISOControl)) {
			rejections.add(Rejection.invalid(path, "Must not contain control characters"));
			return null;
		}
		return name;
	}

	private static String normaliseEmail(String raw, String path, List<Rejection> rejections) {
		String email = (raw != null) ? raw.strip() : "";
		boolean valid = !email.isEmpty() && email.length() <= 254 && email.indexOf('@') > 0
				&& email.substring(email.indexOf('@') + 1).contains(".")
				&& VALIDATOR.validateValue(EmailHolder.class, "value", email).isEmpty();
		if (!valid) {
			rejections.add(Rejection.invalid(path, "Must be a valid email address"));
			return null;
		}
		return email;
	}

	private LocalDate dateOfBirth(String raw, String path, List<Rejection> rejections) {
		LocalDate date;
		try {
			date = LocalDate.parse(raw.strip());
		}
		catch (DateTimeParseException ex) {
			rejections.add(Rejection.invalid(path, "Must be a date as YYYY-MM-DD"));
			return null;
		}
		LocalDate today = LocalDate.now(this.clock);
		if (date.isAfter(today) || date.isBefore(today.minusYears(130))) {
			rejections.add(Rejection.invalid(path, "Must be a date in the past 130 years"));
			return null;
		}
		return date;
	}

	private static String country(String raw, String path, List<Rejection> rejections) {
		String country = raw.strip().toUpperCase(Locale.ROOT);
		if (!COUNTRIES.contains(country)) {
			rejections.add(Rejection.invalid(path, "Must be an ISO 3166-1 alpha-2 country code"));
			return null;
		}
		return country;
	}

	private static String language(String raw, String path, List<Rejection> rejections) {
		try {
			Locale locale = new Locale.Builder().setLanguageTag(raw.strip()).build();
			if (locale.getLanguage().isEmpty()) {
				throw new IllformedLocaleException("no language");
			}
			return locale.toLanguageTag();
		}
		catch (IllformedLocaleException ex) {
			rejections.add(Rejection.invalid(path, "Must be a BCP 47 language tag, such as en-GB"));
			return null;
		}
	}

	private static String phone(String raw, String path, List<Rejection> rejections) {
		PhoneNumberUtil util = PhoneNumberUtil.getInstance();
		try {
			Phonenumber.PhoneNumber number = util.parse(raw.strip(), null);
			if (util.isValidNumber(number)) {
				return util.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
			}
		}
		catch (NumberParseException ex) {
			// falls through to the rejection below
		}
		rejections.add(Rejection.invalid(path, "Must be a valid phone number in E.164 form, such as +14155552671"));
		return null;
	}

	private static PostalAddress postalAddress(PostalAddress raw, String path, List<Rejection> rejections) {
		int before = rejections.size();
		String street = addressPart(raw.streetAddress(), path + ".streetAddress", true, rejections);
		String locality = addressPart(raw.locality(), path + ".locality", true, rejections);
		String region = addressPart(raw.region(), path + ".region", false, rejections);
		String postalCode = addressPart(raw.postalCode(), path + ".postalCode", false, rejections);
		String country = (raw.country() != null) ? country(raw.country(), path + ".country", rejections) : null;
		if (raw.country() == null) {
			rejections.add(Rejection.invalid(path + ".country", "Is required"));
		}
		return (rejections.size() == before) ? new PostalAddress(street, locality, region, postalCode, country) : null;
	}

	private static String addressPart(String raw, String path, boolean required, List<Rejection> rejections) {
		String value = (raw != null) ? raw.strip() : "";
		if (value.isEmpty()) {
			if (required) {
				rejections.add(Rejection.invalid(path, "Is required"));
			}
			return null;
		}
		if (value.length() > MAX_ADDRESS_PART_LENGTH || value.codePoints().anyMatch(Character::isISOControl)) {
			rejections.add(Rejection.invalid(path,
					"Must be at most " + MAX_ADDRESS_PART_LENGTH + " characters without control characters"));
			return null;
		}
		return value;
	}

	static final class EmailHolder {

		@Email
		String value;

	}

}
