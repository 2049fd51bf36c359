package org.onesignin.hub.account;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.onesignin.hub.support.FeedEvent;
import org.onesignin.hub.support.HubIntegrationTest;
import org.onesignin.hub.support.MovableClock;
import org.onesignin.hub.support.RegistrationInput;
import org.onesignin.hub.support.SignInFlow;
import org.onesignin.hub.support.TestMailbox;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onesignin.hub.support.RegistrationInput.aRegistration;

/**
 * Mailed links end with their time: a confirmation link after 24 hours, a reset link
 * after 30 minutes (the hub's clock moved on, as the person comes back late).
 */
class CredentialLinkExpiryIntegrationTests extends HubIntegrationTest {

	private static final Duration MAIL = Duration.ofSeconds(10);

	@Autowired
	private MovableClock clock;

	@Autowired
	private AddressClaims addresses;

	@Test
	void refusesAConfirmationLinkAfterADay() {
		String email = uniqueEmail();
		register(aRegistration().withEmail(email).forServiceAccount("rewards-" + email).unverified());
		URI link = TestMailbox.linkIn(TestMailbox.mailsTo(email, 1, MAIL).get(0));
		assertThat(statusOfLink(link)).isEqualTo(200);

		this.clock.move(Duration.ofHours(24).plusMinutes(1));

		assertThat(statusOfLink(link)).isEqualTo(410);
	}

	@Test
	void sendsANewConfirmationLinkThroughTheForgottenPasswordFormOnceTheFirstExpired() {
		String email = uniqueEmail();
		register(aRegistration().withEmail(email)
			.withPassword("the owner's own passphrase")
			.forServiceAccount("rewards-" + email)
			.unverified());
		URI expired = TestMailbox.linkIn(TestMailbox.mailsTo(email, 1, MAIL).get(0));
		this.clock.move(Duration.ofHours(25));

		new SignInFlow.Browser().fillIn(http(), "/sign-in/forgot-password", "/sign-in/forgot-password",
				Map.of("email", email));

		URI fresh = TestMailbox.linkIn(TestMailbox.mailsTo(email, 2, MAIL).get(1));
		assertThat(statusOfLink(expired)).isEqualTo(410);
		assertThat(confirmLink(fresh, "the owner's own passphrase").getStatus().value()).isEqualTo(200);
	}

	@Test
	void refusesAResetLinkAfterThirtyMinutes() {
		String email = uniqueEmail();
		registerThrough("my-sony", email, Map.of());
		new SignInFlow.Browser().fillIn(http(), "/sign-in/forgot-password", "/sign-in/forgot-password",
				Map.of("email", email));
		URI link = TestMailbox.linkIn(TestMailbox.mailsTo(email, 1, MAIL).get(0));
		assertThat(statusOfLink(link)).isEqualTo(200);

		this.clock.move(Duration.ofMinutes(31));

		assertThat(statusOfLink(link)).isEqualTo(410);
		assertThat(new SignInFlow.Browser()
			.fillIn(http(), "/sign-in/forgot-password", "/sign-in/reset-password",
					Map.of("token", link.getRawQuery().substring("token=".length()), "password",
							"a brand new passphrase"))
			.getStatus()
			.value()).isEqualTo(410);
	}

	@Test
	void closesAnIdentityNeverConfirmedAWeekAfterItsLinkExpiredAndGivesBackItsServiceAccount() {
		String email = uniqueEmail();
		String serviceAccount = "rewards-" + UUID.randomUUID();
		String id = register(aRegistration().withEmail(email).forServiceAccount(serviceAccount).unverified());

		this.clock.move(Duration.ofDays(8).plusHours(1));
		this.addresses.closeLeftUnverified();

		assertThat(wholeFeedEvents("sony-rewards", id)).extracting(FeedEvent::type)
			.containsExactly("service-account.linked", "service-account.cancelled");
		assertThat(wholeFeedEvents("sony-rewards", id).get(1).data()).containsEntry("reason", "EMAIL_NOT_CONFIRMED");
		register(aRegistration().withEmail(uniqueEmail()).forServiceAccount(serviceAccount).unverified());
	}

	private String register(RegistrationInput registration) {
		return register("sony-rewards", registration);
	}

	@TestConfiguration
	static class MovingClock {

		@Bean
		@Primary
		MovableClock movableClock() {
			return new MovableClock(Instant.now());
		}

	}

}
