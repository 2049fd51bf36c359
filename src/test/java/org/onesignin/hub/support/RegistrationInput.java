package org.onesignin.hub.support;

import java.util.Map;

/**
 * The {@code input} of {@code registerAccount}, built by name:
 * {@code aRegistration().withEmail(email).forServiceAccount("psn-1")}. The password is
 * {@link #PASSWORD}, the basic details are empty unless given, and the registering
 * service asserts it verified the address unless {@link #unverified()}.
 */
public final class RegistrationInput {

	/** The password of every person the tests register, strong enough for the hub. */
	public static final String PASSWORD = "a perfectly fine passphrase";

	private String email;

	private String password = PASSWORD;

	private String serviceAccountId;

	private Map<String, Object> basicDetails = Map.of();

	private boolean emailVerified = true;

	private RegistrationInput() {
	}

	public static RegistrationInput aRegistration() {
		return new RegistrationInput();
	}

	public RegistrationInput withEmail(String email) {
		this.email = email;
		return this;
	}

	public RegistrationInput withPassword(String password) {
		this.password = password;
		return this;
	}

	/** The calling service's own id for the person, linked to the new identity. */
	public RegistrationInput forServiceAccount(String serviceAccountId) {
		this.serviceAccountId = serviceAccountId;
		return this;
	}

	public RegistrationInput withBasicDetails(Map<String, Object> basicDetails) {
		this.basicDetails = basicDetails;
		return this;
	}

	/**
	 * The service leaves the address to the hub to verify (by default the registering
	 * service asserts it verified it, as the demo registry trusts every test client but
	 * sony-rewards to).
	 */
	public RegistrationInput unverified() {
		this.emailVerified = false;
		return this;
	}

	public Map<String, Object> toInput() {
		return Map.of("email", this.email, "password", this.password, "serviceAccountId", this.serviceAccountId,
				"basicDetails", this.basicDetails, "emailVerified", this.emailVerified);
	}

}
