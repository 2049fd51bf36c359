package org.onesignin.hub.mail;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.onesignin.hub.support.HubIntegrationTest;
import org.onesignin.hub.support.TestMailbox;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Mails as a person receives them, through a real SMTP server: subject, text and HTML in
 * their language, values escaped, and each outbox entry claimed by one relay at a time.
 */
class MailDeliveryIntegrationTests extends HubIntegrationTest {

	private static final Duration MAIL = Duration.ofSeconds(10);

	@Autowired
	private Mails mails;

	@Autowired
	private MailOutbox outbox;

	@Test
	void deliversTextAndHtmlWithTheLinkInBoth() {
		String to = address();

		this.mails.send(UUID.randomUUID().toString(),
				new Mail(MailKind.VERIFY_SIGN_IN_EMAIL, to, null,
						Map.of("link", "http://localhost:8080/sign-in/confirm-email?token=abc", "validityMinutes",
								"1440", "serviceName", "Sony Music", "companyName", "Sony Music Entertainment")));

		MimeMessage mail = TestMailbox.mailsTo(to, 1, MAIL).get(0);
		assertThat(TestMailbox.subjectOf(mail)).isEqualTo("Confirm your email address for One Sign In");
		assertThat(TestMailbox.textOf(mail)).contains("Sony Music of Sony Music Entertainment")
			.contains("http://localhost:8080/sign-in/confirm-email?token=abc")
			.contains("24 hours");
		assertThat(TestMailbox.htmlOf(mail)).contains("href=\"http://localhost:8080/sign-in/confirm-email?token=abc\"")
			.contains("lang=\"en\"");
	}

	@Test
	void writesInThePersonsLanguageAndInEnglishWithoutATranslation() {
		String german = address();
		String other = address();

		this.mails.send(UUID.randomUUID().toString(), new Mail(MailKind.PASSWORD_CHANGED, german, "de-DE", Map.of()));
		this.mails.send(UUID.randomUUID().toString(), new Mail(MailKind.PASSWORD_CHANGED, other, "xx", Map.of()));

		assertThat(TestMailbox.subjectOf(TestMailbox.mailsTo(german, 1, MAIL).get(0)))
			.isEqualTo("Ihr Passwort für One Sign In wurde geändert");
		assertThat(TestMailbox.subjectOf(TestMailbox.mailsTo(other, 1, MAIL).get(0)))
			.isEqualTo("Your One Sign In password was changed");
	}

	@Test
	void escapesValuesInTheHtmlPart() {
		String to = address();

		this.mails.send(UUID.randomUUID().toString(), new Mail(MailKind.SIGN_IN_EMAIL_CHANGE_REQUESTED, to, "fr",
				Map.of("newEmail", "<b>x</b>@example.com")));

		MimeMessage mail = TestMailbox.mailsTo(to, 1, MAIL).get(0);
		assertThat(TestMailbox.htmlOf(mail)).contains("&lt;b&gt;x&lt;/b&gt;@example.com").doesNotContain("<b>x</b>");
		assertThat(TestMailbox.subjectOf(mail)).isEqualTo("L'adresse e-mail de votre One Sign In va changer");
	}

	@Test
	void sendsAMailHandedOverTwiceUnderOneIdOnceEvenAfterItWasDelivered() {
		String to = address();
		String id = UUID.randomUUID().toString();
		Mail mail = new Mail(MailKind.PASSWORD_CHANGED, to, null, Map.of());

		this.outbox.send(id, mail);
		TestMailbox.mailsTo(to, 1, MAIL);
		this.outbox.send(id, mail);

		assertThat(TestMailbox.mailsTo(to, 2, Duration.ofSeconds(2))).hasSize(1);
	}

	@Test
	void letsOneRelayClaimAMailAtATime() {
		Instant later = Instant.now().plus(Duration.ofDays(1));
		String to = address();
		this.outbox.send(UUID.randomUUID().toString(), new Mail(MailKind.PASSWORD_CHANGED, to, null, Map.of()));

		// a relay's claim: while it lasts, no other claim gets the mail; once it is
		// delivered, nothing is left to claim
		java.util.List<MailOutbox.Queued> claims = new java.util.ArrayList<>();
		MailOutbox.Queued claimed;
		while ((claimed = this.outbox.claimDue(later, later.plusSeconds(60)).orElse(null)) != null) {
			claims.add(claimed);
		}

		assertThat(claims).filteredOn((queued) -> queued.mail().to().equals(to)).size().isLessThanOrEqualTo(1);
		assertThat(this.outbox.claimDue(later, later.plusSeconds(60))).isEmpty();
	}

	private static String address() {
		return "mail-" + UUID.randomUUID() + "@example.com";
	}

}
