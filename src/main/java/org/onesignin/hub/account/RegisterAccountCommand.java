package org.onesignin.hub.account;

/**
 * A person signing up on a partner service: the One Sign In identity to create and that
 * service's own account id.
 */
public record RegisterAccountCommand(String email, String password, String serviceAccountId, DetailsPatch details) {
}
