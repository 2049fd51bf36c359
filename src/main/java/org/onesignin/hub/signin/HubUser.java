package org.onesignin.hub.signin;

import java.util.List;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/**
 * A person signing in at the sign-in server: an account owner (username = account id, so
 * the token's {@code sub} is the account id) or a seeded support agent of one company.
 */
class HubUser extends User {

	private static final long serialVersionUID = 1L;

	private final String company;

	private final String email;

	HubUser(String username, String passwordHash, boolean enabled, String company, String email) {
		super(username, passwordHash, enabled, true, true, true,
				List.of(new SimpleGrantedAuthority((company != null) ? "ROLE_SUPPORT" : "ROLE_USER")));
		this.company = company;
		this.email = email;
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
		return this.company != null;
	}

}
