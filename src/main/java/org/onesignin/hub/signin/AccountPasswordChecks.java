package org.onesignin.hub.signin;

import java.time.Clock;

import org.onesignin.hub.account.Account;
import org.onesignin.hub.account.AccountId;
import org.onesignin.hub.account.Accounts;
import org.onesignin.hub.account.PasswordChecks;
import org.onesignin.hub.audit.AccessLog;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Checks the password of a known identity (changing the password, confirming an address
 * by its mailed link) through the same throttled check as the sign-in: the password
 * hashed first, attempts counted per identity (under its sign-in email, the same count as
 * the sign-in page's) and per client address, the lockout applied. The identity is found
 * by its id, so one awaiting verification is reachable too. It is not a sign-in: no form
 * or token endpoint reaches it.
 */
@Component
class AccountPasswordChecks implements PasswordChecks {

	private final ThrottledSignIn check;

	AccountPasswordChecks(Accounts accounts, PasswordEncoder passwords, SignInFailures failures,
			LockoutProperties lockout, AccessLog accessLog, Clock clock) {
		this.check = new ThrottledSignIn(
				new PasswordCheckedFirst((id) -> accounts.findById(new AccountId(id))
					.map((account) -> new HubUser(account.id().value(), account.passwordHash(), account.isActive(),
							null, account.signInEmail()))
					.filter((user) -> user.getPassword() != null)
					.orElseThrow(() -> new UsernameNotFoundException("Unknown account")), passwords),
				failures, lockout, accessLog, clock);
	}

	@Override
	public boolean isPasswordOf(Account account, String password) {
		ThrottledSignIn.KnownIdentity attempt = new ThrottledSignIn.KnownIdentity(account.id().value(), password,
				account.signInEmail());
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request) {
			attempt.setDetails(new WebAuthenticationDetails(request.getRequest()));
		}
		try {
			Authentication checked = this.check.authenticate(attempt);
			return checked != null && account.id().value().equals(checked.getName());
		}
		catch (AuthenticationException ex) {
			return false;
		}
	}

}
