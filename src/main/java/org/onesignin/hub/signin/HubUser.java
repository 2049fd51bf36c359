package org.onesignin.hub.signin;

import java.util.List;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/**
 * A person signing in at the sign-in server: an account owner (username = account id, so
 * the token's {@code sub} is the account id), or seeded demo staff: a support agent of
 * one company or an administrator of the registry.
 */
class HubUser extends User {

	private static final long serialVersionUID = 1L;

	private final String company;

	private final String email;

	private final boolean administrator;

	HubUser(String username, String passwordHash, boolean enabled, String company, String email) {
		this(username, passwordHash, enabled, company, email, false);
	}

	HubUser(String username, String passwordHash, boolean enabled, String company, String email,
			boolean administrator) {
		super(username, passwordHash, enabled, true, true, true, List.of(new SimpleGrantedAuthority(
				administrator ? "ROLE_ADMINISTRATOR" : (company != null) ? "ROLE_SUPPORT" : "ROLE_USER")));
		this.company = company;
		this.email = email;
		this.administrator = administrator;
	}

	/** The sign-in email (an agent's is their username). */
	String email() {
		return this.email;
	}

	/** The support agent's company; null for an account owner. */
	String company() {
		return this.company;
	}

	boolean isSupportAgent() {
		return this.company != null && !this.administrator;
	}

	boolean isAdministrator() {
		return this.administrator;
	}

	/** Demo staff rather than a person with an account. */
	boolean isStaff() {
		return this.company != null || this.administrator;
	}

}
