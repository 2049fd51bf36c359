package org.onesignin.hub.shared;

/**
 * Raised when an account does not exist <em>or</em> the caller may not see it: the two
 * are deliberately indistinguishable so that denials never reveal whether an account
 * exists.
 */
public class AccountNotFoundException extends RuntimeException {

	public AccountNotFoundException() {
		super("No account with that id");
	}

}
