package org.onesignin.hub.mail;

/**
 * The mails the hub sends, each with the values it names.
 */
public enum MailKind {

	/** After a registration: link, serviceName, companyName, validityMinutes. */
	VERIFY_SIGN_IN_EMAIL,
	/** To the new address of a sign-in email change: link, newEmail, validityMinutes. */
	CONFIRM_NEW_SIGN_IN_EMAIL,
	/** A notice to the old address of a sign-in email change: newEmail. */
	SIGN_IN_EMAIL_CHANGE_REQUESTED,
	/** link, validityMinutes. */
	RESET_PASSWORD,
	/** A notice, no link. */
	PASSWORD_CHANGED

}
