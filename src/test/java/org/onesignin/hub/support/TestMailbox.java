package org.onesignin.hub.support;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * One real SMTP server (GreenMail) on 127.0.0.1 for the whole test run: every hub the
 * tests start sends its mail there, and the tests read what arrived for an address,
 * following the links as a person would.
 */
public final class TestMailbox {

	private static final Pattern LINK = Pattern.compile("https?://[^\\s\"<>]+");

	private static GreenMail server;

	private TestMailbox() {
	}

	/** Points a hub at the test SMTP server. */
	public static void register(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", TestMailbox::port);
	}

	public static synchronized int port() {
		if (server == null) {
			server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
			server.start();
		}
		return server.getSmtp().getPort();
	}

	/**
	 * The mails that arrived for the address, waiting up to the timeout until there are
	 * at least {@code atLeast}.
	 */
	public static List<MimeMessage> mailsTo(String address, int atLeast, Duration timeout) {
		port();
		long deadline = System.nanoTime() + timeout.toNanos();
		while (true) {
			List<MimeMessage> mails = Arrays.stream(server.getReceivedMessages())
				.filter((mail) -> isTo(mail, address))
				.toList();
			if (mails.size() >= atLeast || System.nanoTime() > deadline) {
				return mails;
			}
			try {
				Thread.sleep(20);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return mails;
			}
		}
	}

	public static String textOf(MimeMessage mail) {
		return partOf(mail, "text/plain");
	}

	public static String htmlOf(MimeMessage mail) {
		return partOf(mail, "text/html");
	}

	public static String subjectOf(MimeMessage mail) {
		try {
			return mail.getSubject();
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The first link in the mail's text part. */
	public static URI linkIn(MimeMessage mail) {
		Matcher link = LINK.matcher(textOf(mail));
		if (!link.find()) {
			throw new AssertionError("No link in the mail");
		}
		return URI.create(link.group());
	}

	private static boolean isTo(MimeMessage mail, String address) {
		try {
			return Arrays.stream(mail.getRecipients(Message.RecipientType.TO))
				.anyMatch((to) -> to.toString().equalsIgnoreCase(address));
		}
		catch (MessagingException ex) {
			return false;
		}
	}

	private static String partOf(Part part, String type) {
		try {
			if (part.isMimeType(type)) {
				return (String) part.getContent();
			}
			if (part.getContent() instanceof Multipart multipart) {
				for (int i = 0; i < multipart.getCount(); i++) {
					BodyPart child = multipart.getBodyPart(i);
					String found = partOf(child, type);
					if (found != null) {
						return found;
					}
				}
			}
			return null;
		}
		catch (MessagingException | IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
