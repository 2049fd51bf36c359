package org.onesignin.hub.signin;

/**
 * Port: ends what a person's sign-ins handed out (codes, access and refresh tokens).
 */
public interface SignInRevocations {

	/** Revokes every authorization of the person. */
	void revokeAllOf(String principalName);

}
