package org.onesignin.hub.account;

/**
 * An identity's password was changed or reset: whatever its old password obtained
 * (refresh tokens, sign-in sessions) must end.
 */
public record PasswordChanged(AccountId accountId) {
}
