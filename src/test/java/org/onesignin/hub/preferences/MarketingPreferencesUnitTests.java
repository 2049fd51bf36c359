package org.onesignin.hub.preferences;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.onesignin.hub.registry.Company;
import org.onesignin.hub.shared.CallerKind;
import org.onesignin.hub.shared.ChangeOrigin;
import org.onesignin.hub.shared.UserErrorCode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Marketing preference rules, without Spring or a store: the age line, the gate, records.
 */
class MarketingPreferencesUnitTests {

	static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

	static final Company EU = new Company("eu", "EU Co", "NL", 16, null);

	static final ChangeOrigin OWNER = new ChangeOrigin(CallerKind.USER, "a-1", "eu", null, null);

	@Test
	void treatsTheDayOfTheSixteenthBirthdayAsTheAgeOfConsent() {
		assertThat(MarketingPreferences.isMinor(EU, TODAY.minusYears(16), TODAY)).isFalse();
		assertThat(MarketingPreferences.isMinor(EU, TODAY.minusYears(16).plusDays(1), TODAY)).isTrue();
		assertThat(MarketingPreferences.isMinor(EU, null, TODAY)).isFalse();
	}

	@Test
	void derivesTheStateFromTheLatestRecordAndGatesOnIt() {
		List<ConsentRecord> records = new ArrayList<>();
		MarketingPreferences preferences = new MarketingPreferences("a-1", records);
		records.add(preferences
			.setChannel(change(ConsentState.GRANTED), Channel.SMS, null, "a@x.example", true, null, TODAY)
			.valueOrNull()
			.orElseThrow());
		preferences = new MarketingPreferences("a-1", records);

		assertThat(preferences.state("eu", Channel.SMS, null)).isEqualTo(ConsentState.GRANTED);
		assertThat(preferences
			.contactPermission(EU, Channel.SMS, null, ContactPurpose.MARKETING, true, "a@x.example", null, TODAY)
			.allowed()).isTrue();
		assertThat(preferences
			.contactPermission(EU, Channel.POST, null, ContactPurpose.MARKETING, true, "a@x.example", null, TODAY)
			.reasons()).containsExactly(ContactRefusalReason.NO_CONSENT);
		assertThat(preferences
			.contactPermission(EU, Channel.POST, null, ContactPurpose.TRANSACTIONAL, true, "a@x.example", null, TODAY)
			.allowed()).isTrue();
	}

	@Test
	void refusesAChildsGrantWithoutAGuardian() {
		MarketingPreferences preferences = new MarketingPreferences("a-1", List.of());

		assertThat(preferences
			.setChannel(change(ConsentState.GRANTED), Channel.SMS, null, "a@x.example", true, TODAY.minusYears(12),
					TODAY)
			.rejections()).extracting((r) -> r.code()).containsExactly(UserErrorCode.GUARDIAN_CONSENT_REQUIRED);
	}

	private static MarketingPreferences.ConsentChange change(ConsentState state) {
		return new MarketingPreferences.ConsentChange(EU, state, "v1", OWNER, ConsentSource.ACCOUNT_PAGES,
				Instant.parse("2026-11-22T10:00:00Z"));
	}

}
