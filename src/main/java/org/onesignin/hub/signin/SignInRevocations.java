package org.onesignin.hub.signin;

/**
 * Port: ends what a person's sign-in handed out (codes, access and refresh tokens), for
 * one sign-in session or for every session of the person.
 */
public interface SignInRevocations {

	/** Revokes every authorization obtained in the sign-in session named {@code sid}. */
	void revokeSignInSession(String sid);

	/** Revokes every authorization of the person. */
	void revokeAllOf(String principalName);

}
