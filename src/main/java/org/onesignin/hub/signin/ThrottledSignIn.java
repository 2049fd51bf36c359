package org.onesignin.hub.signin;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.onesignin.hub.account.BasicDetailsValidation;
import org.onesignin.hub.audit.AccessLog;
import org.onesignin.hub.audit.AccessLogEntry;
import org.onesignin.hub.shared.CallerKind;
import org.onesignin.hub.shared.Sha256;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * The person sign-in (the sign-in page, {@code /local/token}) with brute-force
 * protection: failures are counted per identity and per client address, a locked identity
 * or address is refused even with the right password until its lockout ends, and a
 * success forgets the identity's failures. Every refusal is the same refusal, in the same
 * time: the password is checked whatever the lockout, and unknown emails are counted and
 * locked like known ones, so neither the answer nor its time tells whether an email is
 * known, closed or locked. The owner finds each failed password in their access log (at
 * most one entry a minute).
 */
class ThrottledSignIn implements AuthenticationProvider {

	/** The access log's action for a wrong password. */
	static final String SIGN_IN_FAILED = "SIGN_IN_FAILED";

	/** The access log's actor of a failed sign-in. */
	static final String ACTOR = "sign-in";

	private final AuthenticationProvider passwords;

	private final SignInFailures failures;

	private final LockoutProperties lockout;

	private final AccessLog accessLog;

	private final Clock clock;

	ThrottledSignIn(AuthenticationProvider passwords, SignInFailures failures, LockoutProperties lockout,
			AccessLog accessLog, Clock clock) {
		this.passwords = passwords;
		this.failures = failures;
		this.lockout = lockout;
		this.accessLog = accessLog;
		this.clock = clock;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		Instant now = this.clock.instant();
		String identity = "identity:" + Sha256.hex(BasicDetailsValidation.emailKey(identityOf(authentication)));
		String address = "address:" + Sha256.hex(addressOf(authentication));
		boolean locked = this.failures.anyLocked(List.of(identity, address), now);
		// every attempt is counted before its password is checked: guesses sent in
		// parallel cannot all be checked before the first failures are counted
		long identityAttempts = locked ? 0 : this.failures.attempted(identity, now, this.lockout.window());
		long addressAttempts = locked ? 0 : this.failures.attempted(address, now, this.lockout.window());
		boolean overLimit = identityAttempts > this.lockout.identityFailures()
				|| addressAttempts > this.lockout.addressFailures();
		Authentication signedIn;
		try {
			// checked even when locked: a lockout costs the time of any other refusal
			signedIn = this.passwords.authenticate(authentication);
		}
		catch (AuthenticationException ex) {
			if (ex instanceof PasswordCheckedFirst.WrongPassword wrong && wrong.accountId() != null) {
				logFailure(wrong.accountId(), now);
			}
			lockAtLimit(identity, identityAttempts, this.lockout.identityFailures(), now);
			lockAtLimit(address, addressAttempts, this.lockout.addressFailures(), now);
			throw refused();
		}
		if (locked || overLimit) {
			// the right password during a lockout, or beyond the limit: refused like a
			// wrong one
			lockAtLimit(identity, identityAttempts, this.lockout.identityFailures(), now);
			lockAtLimit(address, addressAttempts, this.lockout.addressFailures(), now);
			throw refused();
		}
		this.failures.forget(identity);
		this.failures.succeeded(address);
		return signedIn;
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

	private void lockAtLimit(String key, long attempts, int limit, Instant now) {
		if (attempts >= limit) {
			this.failures.lock(key, now.plus(this.lockout.duration()));
		}
	}

	/**
	 * One entry per account and minute: the entry's id is derived from the minute, so
	 * repeated failures (on any instance) append nothing more within it.
	 */
	private void logFailure(String accountId, Instant now) {
		String minute = "sign-in-failed:" + now.truncatedTo(ChronoUnit.MINUTES);
		this.accessLog.append(AccessLogEntry.inRequest(minute, accountId, CallerKind.ANONYMOUS, ACTOR, null, null,
				SIGN_IN_FAILED, List.of(), null, now));
	}

	/**
	 * The identity whose failures count: the email signed in with, or the sign-in email
	 * of an identity checked by its id, so that every way of guessing one person's
	 * password meets the same lockout.
	 */
	private static String identityOf(Authentication authentication) {
		return (authentication instanceof KnownIdentity known) ? known.signInEmail() : authentication.getName();
	}

	private static String addressOf(Authentication authentication) {
		return (authentication.getDetails() instanceof WebAuthenticationDetails details
				&& details.getRemoteAddress() != null) ? details.getRemoteAddress() : "unknown";
	}

	/**
	 * A password given for an identity known by its id (changing the password, confirming
	 * an address), counted under its sign-in email like a sign-in.
	 */
	static final class KnownIdentity extends UsernamePasswordAuthenticationToken {

		private static final long serialVersionUID = 1L;

		private final String signInEmail;

		KnownIdentity(String accountId, String password, String signInEmail) {
			super(accountId, password);
			this.signInEmail = signInEmail;
		}

		String signInEmail() {
			return this.signInEmail;
		}

	}

	/** One refusal for every failure: nothing says what was wrong. */
	private static BadCredentialsException refused() {
		return new BadCredentialsException("Bad credentials");
	}

}
