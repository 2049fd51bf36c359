package org.onesignin.hub.account;

/**
 * Port: checks a password given for an identity against its hash, counted against the
 * same brute-force lockout as the sign-in (a refusal while locked, whatever the
 * password).
 */
public interface PasswordChecks {

	boolean isPasswordOf(Account account, String password);

}
