package org.onesignin.hub.mail;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.onesignin.hub.support.TestStores;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The mail outbox's claims, against an SMTP server that never answers (so every mail
 * stays in the outbox): while a claim holds a mail no other claim gets it, a claim that
 * ran out (a killed instance's) lets another take the mail, and a relay whose claim ran
 * out can neither drop nor reschedule what another claimed since.
 */
@SpringBootTest(properties = { "logging.level.org.onesignin.hub.mail=error" })
class MailClaimsIntegrationTests {

	private static final int CLOSED_PORT = closedPort();

	@Autowired
	private Mails mails;

	@Autowired
	private MailOutbox outbox;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		TestStores.register(registry);
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> CLOSED_PORT);
	}

	@Test
	void givesAMailToOneClaimAtATimeAndToAnotherOnceTheClaimRanOut() {
		String to = "claims-" + UUID.randomUUID() + "@example.com";
		this.mails.send(UUID.randomUUID().toString(), new Mail(MailKind.PASSWORD_CHANGED, to, null, Map.of()));
		Instant later = Instant.now().plus(Duration.ofDays(1));

		MailOutbox.Queued first = claimOf(to, later).orElseThrow();
		Optional<MailOutbox.Queued> whileHeld = claimOf(to, later.plusSeconds(30));
		MailOutbox.Queued afterItRanOut = claimOf(to, later.plusSeconds(61)).orElseThrow();
		// the first relay comes back too late: it can neither drop nor reschedule the
		// mail
		this.outbox.delivered(first);
		this.outbox.retryAt(first, 5, later.plus(Duration.ofDays(30)));
		MailOutbox.Queued stillThere = claimOf(to, later.plusSeconds(122)).orElseThrow();
		this.outbox.delivered(stillThere);

		assertThat(whileHeld).isEmpty();
		assertThat(afterItRanOut.claim()).isNotEqualTo(first.claim());
		assertThat(stillThere.attempts()).isEqualTo(afterItRanOut.attempts());
		assertThat(claimOf(to, later.plusSeconds(400))).isEmpty();
	}

	private Optional<MailOutbox.Queued> claimOf(String to, Instant now) {
		// this context's relay keeps failing and rescheduling its own mails; a claim at a
		// later time sees them all due: keep claiming until this test's mail comes up
		Optional<MailOutbox.Queued> claimed;
		while ((claimed = this.outbox.claimDue(now, now.plusSeconds(60))).isPresent()) {
			if (claimed.get().mail().to().equals(to)) {
				return claimed;
			}
		}
		return Optional.empty();
	}

	private static int closedPort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
