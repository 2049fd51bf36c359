package org.onesignin.hub.mail;

/**
 * A mail was accepted into the outbox: the relay delivers it at once.
 */
public record MailQueued() {
}
