package org.onesignin.hub.mail;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders a mail's subject, text and HTML from the templates under {@code mail/} and the
 * messages {@code mail/messages*.properties}, in the person's language where the hub has
 * it and in English otherwise. Its own template engine: the web pages' is left alone.
 */
@Component
class MailRendering {

	private final SpringTemplateEngine engine = new SpringTemplateEngine();

	private final ResourceBundleMessageSource messages = new ResourceBundleMessageSource();

	MailRendering() {
		this.messages.setBasename("mail/messages");
		this.messages.setDefaultEncoding(StandardCharsets.UTF_8.name());
		// English when the hub has no translation, never the server's own language
		this.messages.setFallbackToSystemLocale(false);
		// every message through MessageFormat, so a quote is written the same way in all
		this.messages.setAlwaysUseMessageFormat(true);
		this.engine.addTemplateResolver(resolver(".html", TemplateMode.HTML, 1));
		this.engine.addTemplateResolver(resolver(".txt", TemplateMode.TEXT, 2));
	}

	Rendered render(Mail mail) {
		Locale locale = locale(mail.language());
		String kind = template(mail.kind());
		Map<String, String> values = mail.values();
		String serviceName = values.get("serviceName");
		String companyName = values.get("companyName");
		String body;
		if (mail.kind() == MailKind.VERIFY_SIGN_IN_EMAIL && serviceName != null) {
			body = (companyName != null) ? message(kind + ".body.service-company", locale, serviceName, companyName)
					: message(kind + ".body.service", locale, serviceName);
		}
		else {
			body = message(kind + ".body", locale, values.getOrDefault("newEmail", ""));
		}
		Context context = new Context(locale);
		context.setVariable("language", locale.getLanguage());
		context.setVariable("subject", message(kind + ".subject", locale));
		context.setVariable("greeting", message("greeting", locale));
		context.setVariable("body", body);
		String link = values.get("link");
		context.setVariable("link", link);
		context.setVariable("action", (link != null) ? message(kind + ".action", locale) : null);
		context.setVariable("validity", (link != null && values.get("validityMinutes") != null)
				? validity(values.get("validityMinutes"), locale) : null);
		context.setVariable("ignore", message(kind + ".ignore", locale));
		context.setVariable("signature", message("signature", locale));
		return new Rendered(message(kind + ".subject", locale), this.engine.process("mail.txt", context),
				this.engine.process("mail.html", context));
	}

	/** "for 30 minutes", "for 24 hours". */
	private String validity(String minutes, Locale locale) {
		long value = Long.parseLong(minutes);
		return (value >= 120 && value % 60 == 0) ? message("validity.hours", locale, value / 60)
				: message("validity", locale, value);
	}

	private String message(String key, Locale locale, Object... arguments) {
		return this.messages.getMessage(key, arguments, locale);
	}

	static Locale locale(String language) {
		if (language == null || language.isBlank()) {
			return Locale.ENGLISH;
		}
		Locale locale = Locale.forLanguageTag(language);
		return locale.getLanguage().isEmpty() ? Locale.ENGLISH : locale;
	}

	/** The kind's name in templates and messages: {@code verify-sign-in-email}. */
	static String template(MailKind kind) {
		return kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	private static ClassLoaderTemplateResolver resolver(String suffix, TemplateMode mode, int order) {
		ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
		resolver.setPrefix("mail/");
		resolver.setTemplateMode(mode);
		resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
		resolver.setResolvablePatterns(java.util.Set.of("*" + suffix));
		resolver.setOrder(order);
		resolver.setCacheable(true);
		return resolver;
	}

	/** A mail ready to send. */
	record Rendered(String subject, String text, String html) {
	}

}
