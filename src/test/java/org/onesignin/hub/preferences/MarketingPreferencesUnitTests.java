package org.onesignin.hub.preferences;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.onesignin.hub.registry.Company;
import org.onesignin.hub.shared.CallerKind;
import org.onesignin.hub.shared.ChangeOrigin;
import org.onesignin.hub.shared.Outcome;
import org.onesignin.hub.shared.UserErrorCode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Marketing preference rules, without Spring or a store: the age line, the gate, records.
 */
class MarketingPreferencesUnitTests {

	static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

	static final Company EU = new Company("eu", "EU Co", "NL", 16, null);

	static final ChangeOrigin OWNER = new ChangeOrigin(CallerKind.USER, "a-1", "eu", null, null);

	static final String SIGN_IN_EMAIL = "a@x.example";

	/** No address beyond the sign-in one (which is what the email channel then uses). */
	static final String NO_ADDRESS = null;

	static final LocalDate UNKNOWN_DATE_OF_BIRTH = null;

	@Test
	void treatsTheDayOfTheSixteenthBirthdayAsTheAgeOfConsent() {
		assertThat(MarketingPreferences.isMinor(EU, TODAY.minusYears(16), TODAY)).isFalse();
		assertThat(MarketingPreferences.isMinor(EU, TODAY.minusYears(16).plusDays(1), TODAY)).isTrue();
		assertThat(MarketingPreferences.isMinor(EU, UNKNOWN_DATE_OF_BIRTH, TODAY)).isFalse();
	}

	@Test
	void derivesTheStateFromTheLatestRecordAndGatesOnIt() {
		List<ConsentRecord> records = new ArrayList<>();
		MarketingPreferences preferences = new MarketingPreferences("a-1", records);
		records.add(grantSms(preferences, UNKNOWN_DATE_OF_BIRTH).valueOrNull().orElseThrow());

		preferences = new MarketingPreferences("a-1", records);

		assertThat(preferences.state("eu", Channel.SMS, NO_ADDRESS)).isEqualTo(ConsentState.GRANTED);
		assertThat(contactingTheActiveOwner(preferences, Channel.SMS, ContactPurpose.MARKETING).allowed()).isTrue();
		assertThat(contactingTheActiveOwner(preferences, Channel.POST, ContactPurpose.MARKETING).reasons())
			.containsExactly(ContactRefusalReason.NO_CONSENT);
		assertThat(contactingTheActiveOwner(preferences, Channel.POST, ContactPurpose.TRANSACTIONAL).allowed())
			.isTrue();
	}

	@Test
	void refusesAChildsGrantWithoutAGuardian() {
		MarketingPreferences preferences = new MarketingPreferences("a-1", List.of());

		Outcome<Optional<ConsentRecord>> outcome = grantSms(preferences, TODAY.minusYears(12));

		assertThat(outcome.rejections()).extracting((r) -> r.code())
			.containsExactly(UserErrorCode.GUARDIAN_CONSENT_REQUIRED);
	}

	/** The owner grants SMS for EU, as someone who may add addresses. */
	private static Outcome<Optional<ConsentRecord>> grantSms(MarketingPreferences preferences, LocalDate dateOfBirth) {
		boolean mayAddAddresses = true;
		return preferences.setChannel(change(ConsentState.GRANTED), Channel.SMS, NO_ADDRESS, SIGN_IN_EMAIL,
				mayAddAddresses, dateOfBirth, TODAY);
	}

	/** EU's gate for an active account holder of unknown age. */
	private static ContactPermission contactingTheActiveOwner(MarketingPreferences preferences, Channel channel,
			ContactPurpose purpose) {
		boolean accountActive = true;
		return preferences.contactPermission(EU, channel, NO_ADDRESS, purpose, accountActive, SIGN_IN_EMAIL,
				UNKNOWN_DATE_OF_BIRTH, TODAY);
	}

	private static ConsentChange change(ConsentState state) {
		return new ConsentChange(EU, state, "v1", OWNER, ConsentSource.ACCOUNT_PAGES,
				Instant.parse("2026-11-22T10:00:00Z"));
	}

}
