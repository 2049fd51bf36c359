package org.onesignin.hub.signin;

import org.springframework.security.authentication.AccountStatusUserDetailsChecker;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Spring Security's password check with the account's state checked after the password,
 * never before: a closed identity costs the same password hash as an active one (and an
 * unknown email the same dummy hash), so the time of a refusal tells nothing about the
 * identity. A wrong password of a known identity is told apart for the access log.
 */
class PasswordCheckedFirst extends DaoAuthenticationProvider {

	PasswordCheckedFirst(UserDetailsService users, PasswordEncoder passwords) {
		super(users);
		setPasswordEncoder(passwords);
		setHideUserNotFoundExceptions(true);
		// the default pre-check refuses a disabled (closed) identity before its password
		// is hashed: a timing oracle; the same checks run after the password instead
		setPreAuthenticationChecks((user) -> {
		});
		setPostAuthenticationChecks(new AccountStatusUserDetailsChecker());
	}

	@Override
	protected void additionalAuthenticationChecks(UserDetails user, UsernamePasswordAuthenticationToken token) {
		try {
			super.additionalAuthenticationChecks(user, token);
		}
		catch (BadCredentialsException ex) {
			throw new WrongPassword((HubUser) user);
		}
	}

	/** A known identity's wrong password (answered like any other refusal). */
	static final class WrongPassword extends BadCredentialsException {

		private static final long serialVersionUID = 1L;

		private final transient HubUser user;

		WrongPassword(HubUser user) {
			super("Bad credentials");
			this.user = user;
		}

		/** The account whose password was wrong; null for demo staff. */
		String accountId() {
			return this.user.isStaff() ? null : this.user.getUsername();
		}

	}

}
