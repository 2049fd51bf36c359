package org.onesignin.hub.mail;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends one rendered mail: over SMTP ({@code spring.mail.*}) when a server is configured,
 * otherwise, in the demo, as an {@code .eml} file a newcomer can open. Production without
 * an SMTP server does not start.
 */
@Component
@EnableConfigurationProperties(MailProperties.class)
class MailDelivery {

	private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS")
		.withZone(ZoneOffset.UTC);

	private final JavaMailSender smtp;

	private final MailRendering rendering;

	private final MailProperties properties;

	private final Clock clock;

	MailDelivery(ObjectProvider<JavaMailSender> smtp, MailRendering rendering, MailProperties properties,
			@Value("${hub.sign-in.demo:false}") boolean demo, Environment environment, Clock clock) {
		this.smtp = smtp.getIfAvailable();
		this.rendering = rendering;
		this.properties = properties;
		this.clock = clock;
		if (this.smtp == null && (!demo || environment.acceptsProfiles(Profiles.of("production")))) {
			throw new IllegalStateException(
					"Set spring.mail.host (SPRING_MAIL_HOST): the hub mails verification and password-reset links");
		}
	}

	void deliver(Mail mail) throws MessagingException, IOException {
		MailRendering.Rendered rendered = this.rendering.render(mail);
		MimeMessage message = (this.smtp != null) ? this.smtp.createMimeMessage()
				: new MimeMessage(Session.getInstance(new Properties()));
		MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
		helper.setFrom(this.properties.from());
		helper.setTo(mail.to());
		helper.setSubject(rendered.subject());
		helper.setText(rendered.text(), rendered.html());
		helper.setSentDate(java.util.Date.from(this.clock.instant()));
		if (this.smtp != null) {
			this.smtp.send(message);
		}
		else {
			writeFile(message, MailRendering.template(mail.kind()));
		}
	}

	private void writeFile(MimeMessage message, String kind) throws MessagingException, IOException {
		Path directory = this.properties.directory();
		Files.createDirectories(directory);
		String random = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
		Path file = directory.resolve(FILE_TIME.format(this.clock.instant()) + "-" + kind + "-" + random + ".eml");
		message.saveChanges();
		// written aside and moved in whole: a reader never opens half a mail
		Path partial = directory.resolve(file.getFileName() + ".partial");
		try (OutputStream out = Files.newOutputStream(partial)) {
			message.writeTo(out);
		}
		Files.move(partial, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
	}

}
