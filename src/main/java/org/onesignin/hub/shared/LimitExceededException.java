package org.onesignin.hub.shared;

/**
 * A caller reached a bound the hub sets on what one caller may hold open or ask for; it
 * is not a permission question, and the message says which bound.
 */
public class LimitExceededException extends RuntimeException {

	public LimitExceededException(String message) {
		super(message, null, false, false);
	}

}
