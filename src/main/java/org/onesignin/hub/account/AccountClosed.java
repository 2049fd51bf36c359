package org.onesignin.hub.account;

/**
 * Published once an identity is closed: whatever lets the person act in the meantime
 * (their sign-in sessions, their refresh tokens) ends now.
 */
public record AccountClosed(AccountId accountId) {
}
