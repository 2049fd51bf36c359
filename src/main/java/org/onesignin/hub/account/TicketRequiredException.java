package org.onesignin.hub.account;

/**
 * A support agent read an account without naming the ticket it serves.
 */
public class TicketRequiredException extends org.onesignin.hub.shared.BadRequestException {

	public TicketRequiredException() {
		super("Support reads need a ticket reference");
	}

}
