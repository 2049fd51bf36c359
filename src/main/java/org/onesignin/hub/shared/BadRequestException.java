package org.onesignin.hub.shared;

/**
 * A request the caller must fix that has no payload to carry a typed error (queries);
 * reported as a GraphQL BAD_REQUEST error with this message.
 */
public class BadRequestException extends RuntimeException {

	public BadRequestException(String message) {
		super(message);
	}

}
