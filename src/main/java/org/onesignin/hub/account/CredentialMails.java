package org.onesignin.hub.account;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.onesignin.hub.mail.Mail;
import org.onesignin.hub.mail.MailKind;
import org.onesignin.hub.registry.Registry;

/**
 * The mails a change of credentials sends, in the person's language.
 */
final class CredentialMails {

	private CredentialMails() {
	}

	/** The link to the new address, and a notice to the current one. */
	static List<Mail> emailChange(Account account, String newEmail, Confirmations.IssuedLink link) {
		String language = account.details().language();
		return List.of(
				new Mail(MailKind.CONFIRM_NEW_SIGN_IN_EMAIL, newEmail, language,
						Map.of("link", link.url(), "newEmail", newEmail, "validityMinutes", link.validityMinutes())),
				new Mail(MailKind.SIGN_IN_EMAIL_CHANGE_REQUESTED, account.signInEmail(), language,
						Map.of("newEmail", newEmail)));
	}

	/**
	 * The link confirming the address an identity registered with, naming the service it
	 * registered through (its first link) and that service's company.
	 */
	static List<Mail> verification(Account account, Confirmations.IssuedLink link, Registry registry) {
		Map<String, String> values = new HashMap<>();
		values.put("link", link.url());
		values.put("validityMinutes", link.validityMinutes());
		account.links()
			.stream()
			.findFirst()
			.flatMap((first) -> registry.service(first.serviceId()))
			.ifPresent((service) -> {
				values.put("serviceName", service.name());
				registry.company(service.controllerId())
					.ifPresent((company) -> values.put("companyName", company.name()));
			});
		return List
			.of(new Mail(MailKind.VERIFY_SIGN_IN_EMAIL, account.signInEmail(), account.details().language(), values));
	}

	static List<Mail> passwordReset(Account account, Confirmations.IssuedLink link) {
		return List.of(new Mail(MailKind.RESET_PASSWORD, account.signInEmail(), account.details().language(),
				Map.of("link", link.url(), "validityMinutes", link.validityMinutes())));
	}

	static List<Mail> passwordChanged(Account account) {
		return List
			.of(new Mail(MailKind.PASSWORD_CHANGED, account.signInEmail(), account.details().language(), Map.of()));
	}

}
