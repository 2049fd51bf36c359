package org.onesignin.hub.account;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.onesignin.hub.support.HubIntegrationTest;

import org.springframework.graphql.execution.ErrorType;

import static org.onesignin.hub.support.RegistrationInput.aRegistration;

/**
 * registerAccount as partner services call it, and its refusals.
 */
class RegistrationIntegrationTests extends HubIntegrationTest {

	@Test
	void createsTheIdentityLinkedToTheCallingService() {
		String email = uniqueEmail();

		asPartnerService("playstation-network").documentName("partner/registerAccount")
			.variable("input",
					aRegistration().withEmail(email)
						.forServiceAccount("psn-100")
						.withBasicDetails(Map.of("givenName", "Ada", "country", "gb", "phone", "+1 415 555 2671"))
						.toInput())
			.execute()
			.path("registerAccount.errors")
			.entityList(Object.class)
			.hasSize(0)
			.path("registerAccount.account.signInEmail")
			.entity(String.class)
			.isEqualTo(email)
			.path("registerAccount.account.basicDetails.country")
			.entity(String.class)
			.isEqualTo("GB")
			.path("registerAccount.account.linkedAccounts[0].service.id")
			.entity(String.class)
			.isEqualTo("playstation-network");
	}

	@Test
	void answersTheRegisteringServiceWithOnlyItsEntitledFields() {
		asPartnerService("sony-music").documentName("partner/registerAccount")
			.variable("input",
					aRegistration().withEmail(uniqueEmail())
						.forServiceAccount("sm-reg")
						.withBasicDetails(Map.of("givenName", "Ada", "familyName", "Lovelace", "phone", "+14155552671"))
						.toInput())
			.execute()
			.path("registerAccount.account.basicDetails.givenName")
			.entity(String.class)
			.isEqualTo("Ada")
			.path("registerAccount.account.basicDetails.familyName")
			.valueIsNull()
			.path("registerAccount.account.basicDetails.phone")
			.valueIsNull();
	}

	@Test
	void storesThePhoneInE164() {
		String id = registerThrough("my-sony", uniqueEmail(), Map.of("phone", "+1 (415) 555-2671"));

		asAccountHolder(id).documentName("account-pages/me")
			.execute()
			.path("me.basicDetails.phone")
			.entity(String.class)
			.isEqualTo("+14155552671");
	}

	@Test
	void refusesAnEmailAlreadyTakenWhateverItsCase() {
		String email = uniqueEmail();
		registerThrough("sony-music", email, Map.of("givenName", "Ada"));

		asPartnerService("playstation-network").documentName("partner/registerAccount")
			.variable("input", aRegistration().withEmail(email.toUpperCase()).forServiceAccount("psn-dup").toInput())
			.execute()
			.path("registerAccount.account")
			.valueIsNull()
			.path("registerAccount.errors[0].code")
			.entity(String.class)
			.isEqualTo("EMAIL_TAKEN");
	}

	@Test
	void reportsEveryInvalidFieldAtOnceAndCreatesNothing() {
		String email = uniqueEmail();

		asPartnerService("sony-music").documentName("partner/registerAccount")
			.variable("input",
					aRegistration().withEmail(email)
						.forServiceAccount("sm-bad")
						.withBasicDetails(
								Map.of("country", "XX", "phone", "12", "dateOfBirth", "2999-01-01", "language", "!!"))
						.toInput())
			.execute()
			.path("registerAccount.errors[*].code")
			.entityList(String.class)
			.containsExactly("VALIDATION", "VALIDATION", "VALIDATION", "VALIDATION")
			.path("registerAccount.errors[*].field[2]")
			.entityList(String.class)
			.contains("country", "phone", "dateOfBirth", "language");

		asPartnerService("sony-music").documentName("partner/registerAccount")
			.variable("input", aRegistration().withEmail(email).forServiceAccount("sm-good").toInput())
			.execute()
			.path("registerAccount.errors")
			.entityList(Object.class)
			.hasSize(0);
	}

	@Test
	void refusesAWeakPassword() {
		Map<String, Object> input = aRegistration().withEmail(uniqueEmail())
			.forServiceAccount("sm-weak")
			.withPassword("password123")
			.toInput();

		asPartnerService("sony-music").documentName("partner/registerAccount")
			.variable("input", input)
			.execute()
			.path("registerAccount.errors[0].code")
			.entity(String.class)
			.isEqualTo("WEAK_PASSWORD")
			.path("registerAccount.errors[0].field")
			.entityList(String.class)
			.containsExactly("input", "password");
	}

	@Test
	void refusesAPasswordLongerThanBcryptReadsAsWeakInsteadOfFailing() {
		Map<String, Object> input = aRegistration().withEmail(uniqueEmail())
			.forServiceAccount("sm-long")
			.withPassword("é".repeat(100))
			.toInput();

		asPartnerService("sony-music").documentName("partner/registerAccount")
			.variable("input", input)
			.execute()
			.path("registerAccount.errors[0].code")
			.entity(String.class)
			.isEqualTo("WEAK_PASSWORD");
	}

	@Test
	void refusesAServiceAccountAlreadyLinkedToAnotherIdentity() {
		asPartnerService("sony-rewards").documentName("partner/registerAccount")
			.variable("input",
					aRegistration().withEmail(uniqueEmail()).forServiceAccount("rewards-1").unverified().toInput())
			.execute()
			.path("registerAccount.errors")
			.entityList(Object.class)
			.hasSize(0);

		asPartnerService("sony-rewards").documentName("partner/registerAccount")
			.variable("input",
					aRegistration().withEmail(uniqueEmail()).forServiceAccount("rewards-1").unverified().toInput())
			.execute()
			.path("registerAccount.errors[0].code")
			.entity(String.class)
			.isEqualTo("ALREADY_LINKED_ELSEWHERE");
	}

	@Test
	void refusesRegistrationWithAPersonsToken() {
		String someone = registerThrough("sony-music");

		asAccountHolder(someone).documentName("partner/registerAccount")
			.variable("input", aRegistration().withEmail(uniqueEmail()).forServiceAccount("x-1").toInput())
			.execute()
			.errors()
			.expect((error) -> error.getErrorType() == ErrorType.FORBIDDEN)
			.verify();
	}

}
