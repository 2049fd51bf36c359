package org.onesignin.hub.mail;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.Properties;
import java.util.stream.Stream;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.onesignin.hub.support.TestMailbox;
import org.onesignin.hub.support.TestStores;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo with no SMTP server writes each mail as an {@code .eml} file a newcomer can
 * open.
 */
@SpringBootTest(properties = { "hub.mail.relay-interval=100ms" })
class DemoMailFilesIntegrationTests {

	private static final Path DIRECTORY = TestStores.scratchDirectory().resolve("mail");

	@Autowired
	private Mails mails;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		TestStores.register(registry);
		registry.add("hub.mail.directory", DIRECTORY::toString);
	}

	@Test
	void writesAnEmlFileWithTextAndHtml() throws Exception {
		this.mails.send(UUID.randomUUID().toString(), new Mail(MailKind.RESET_PASSWORD, "eml@example.com", null,
				Map.of("link", "http://localhost:8080/sign-in/reset-password?token=xyz", "validityMinutes", "30")));

		Path file = awaitFile();
		assertThat(file.getFileName().toString()).contains("-reset-password-").endsWith(".eml");
		try (InputStream in = Files.newInputStream(file)) {
			MimeMessage mail = new MimeMessage(Session.getInstance(new Properties()), in);
			assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("eml@example.com");
			assertThat(TestMailbox.textOf(mail)).contains("http://localhost:8080/sign-in/reset-password?token=xyz");
			assertThat(TestMailbox.htmlOf(mail)).contains("Set a new password");
		}
	}

	private static Path awaitFile() throws Exception {
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (System.nanoTime() < deadline) {
			if (Files.isDirectory(DIRECTORY)) {
				try (Stream<Path> files = Files.list(DIRECTORY)) {
					List<Path> found = files.filter((file) -> file.toString().endsWith(".eml")).toList();
					if (!found.isEmpty()) {
						return found.get(0);
					}
				}
			}
			Thread.sleep(50);
		}
		throw new AssertionError("No mail written to " + DIRECTORY);
	}

}
