package org.onesignin.hub.localissuer;

import java.util.List;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/**
 * A person signing in at the local issuer: an account owner (username = account id, so
 * the token's {@code sub} is the account id) or a seeded support agent of one company.
 */
class HubUser extends User {

	private final String company;

	HubUser(String username, String passwordHash, boolean enabled, String company) {
		super(username, passwordHash, enabled, true, true, true,
				List.of(new SimpleGrantedAuthority((company != null) ? "ROLE_SUPPORT" : "ROLE_USER")));
		this.company = company;
	}

	/** The support agent's company; null for an account owner. */
	String company() {
		return this.company;
	}

	boolean isSupportAgent() {
		return this.company != null;
	}

}
