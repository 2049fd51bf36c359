package org.onesignin.hub.account;

import java.util.Objects;
import java.util.UUID;

/**
 * The opaque id of a One Sign In identity.
 */
public record AccountId(String value) {

	public AccountId {
		Objects.requireNonNull(value, "value");
	}

	public static AccountId generate() {
		return new AccountId(UUID.randomUUID().toString());
	}

	@Override
	public String toString() {
		return this.value;
	}

}
