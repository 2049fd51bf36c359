package org.onesignin.hub.mail;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The hub's mail ({@code hub.mail.*}): the sender, where the demo writes mails when no
 * SMTP server is configured, and how delivery is retried.
 *
 * @param from the From address of every mail
 * @param directory where the demo writes {@code .eml} files without
 * {@code spring.mail.host}
 * @param maxAttempts delivery attempts before a mail is dropped
 * @param backoffInitial the wait after the first failed attempt (doubling, with jitter)
 * @param backoffMax the longest wait between attempts
 */
@ConfigurationProperties("hub.mail")
public record MailProperties(@DefaultValue("One Sign In <no-reply@onesignin.example>") String from,
		@DefaultValue("./data/mail") Path directory, @DefaultValue("20") int maxAttempts,
		@DefaultValue("2s") Duration backoffInitial, @DefaultValue("15m") Duration backoffMax) {
}
