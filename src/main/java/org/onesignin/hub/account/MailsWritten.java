package org.onesignin.hub.account;

/**
 * A change wrote mails into an account: they are handed to the mail outbox at once.
 */
record MailsWritten(AccountId accountId) {
}
