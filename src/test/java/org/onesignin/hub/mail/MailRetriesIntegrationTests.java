package org.onesignin.hub.mail;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.onesignin.hub.support.TestStores;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Mail accepted while the SMTP server is down is not lost: the relay backs off, and
 * delivers it once the server is up.
 */
@SpringBootTest(properties = { "hub.mail.backoff-initial=200ms", "hub.mail.backoff-max=1s",
		"hub.mail.relay-interval=100ms", "logging.level.com.icegreen=warn" })
class MailRetriesIntegrationTests {

	private static final int PORT = freePort();

	private static final GreenMail SERVER = new GreenMail(
			new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

	@Autowired
	private Mails mails;

	@Autowired
	private MailRelay relay;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		TestStores.register(registry);
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> PORT);
	}

	@AfterAll
	static void stop() {
		SERVER.stop();
	}

	@Test
	void deliversWhatWasAcceptedWhileTheServerWasDownOnceItIsUp() throws Exception {
		String to = "retry-" + UUID.randomUUID() + "@example.com";

		this.mails.send(UUID.randomUUID().toString(), new Mail(MailKind.PASSWORD_CHANGED, to, null, Map.of()));
		Thread.sleep(1500);
		SERVER.start();

		assertThat(SERVER.waitForIncomingEmail(10_000, 1)).isTrue();
		assertThat(SERVER.getReceivedMessages()[0].getAllRecipients()[0].toString()).isEqualTo(to);
	}

	@Test
	void backsOffLongerAfterEachFailureUpToTheLongestWait() {
		Duration first = this.relay.backoff(1);
		Duration fifth = this.relay.backoff(5);
		Duration tenth = this.relay.backoff(10);

		assertThat(first).isBetween(Duration.ofMillis(100), Duration.ofMillis(300));
		assertThat(fifth).isGreaterThan(first);
		assertThat(tenth).isLessThanOrEqualTo(Duration.ofMillis(1000));
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
