package org.onesignin.hub.account;

/**
 * A person signing up on a partner service: the One Sign In identity to create and that
 * service's own account id, and whether that service asserts it verified the address.
 */
public record RegisterAccountCommand(String email, String password, String serviceAccountId, DetailsPatch details,
		boolean emailVerified) {
}
