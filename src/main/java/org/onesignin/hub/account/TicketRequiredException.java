package org.onesignin.hub.account;

/**
 * A support agent read an account without naming the ticket it serves.
 */
public class TicketRequiredException extends RuntimeException {

	public TicketRequiredException() {
		super("Support reads need a ticket reference");
	}

}
