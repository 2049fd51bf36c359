package org.onesignin.hub.access;

import java.util.List;

import org.onesignin.hub.shared.Caller;
import org.onesignin.hub.shared.ChangeOrigin;

/**
 * One caller asking for one operation: the account it names (none for self-service), the
 * company and service the operation concerns, the support ticket it serves and what it
 * touches (written to the access log; null for a read, which touches what it sees).
 */
public record AccessRequest(Caller caller, Operation operation, String accountId, String companyId, String serviceId,
		String ticket, List<String> touches) {

	/** The longest support ticket reference the hub stores. */
	public static final int MAX_TICKET_LENGTH = 100;

	public AccessRequest {
		touches = (touches != null) ? List.copyOf(touches) : null;
	}

	/**
	 * A request touching what it reads: the access log lists the fields the caller saw.
	 */
	public static AccessRequest of(Caller caller, Operation operation) {
		return new AccessRequest(caller, operation, null, null, null, null, null);
	}

	public AccessRequest onAccount(String accountId) {
		return new AccessRequest(this.caller, this.operation, accountId, this.companyId, this.serviceId, this.ticket,
				this.touches);
	}

	public AccessRequest forCompany(String companyId) {
		return new AccessRequest(this.caller, this.operation, this.accountId, companyId, this.serviceId, this.ticket,
				this.touches);
	}

	public AccessRequest forService(String serviceId) {
		return new AccessRequest(this.caller, this.operation, this.accountId, this.companyId, serviceId, this.ticket,
				this.touches);
	}

	public AccessRequest withTicket(String ticket) {
		return new AccessRequest(this.caller, this.operation, this.accountId, this.companyId, this.serviceId, ticket,
				this.touches);
	}

	public AccessRequest touching(List<String> touches) {
		return new AccessRequest(this.caller, this.operation, this.accountId, this.companyId, this.serviceId,
				this.ticket, touches);
	}

	/** Who made a change and through what, for the records and events it produces. */
	public ChangeOrigin origin() {
		return ChangeOrigin.of(this.caller, this.ticket);
	}

	public CallerRole role() {
		return CallerRole.of(this.caller);
	}

	public boolean hasTicket() {
		return this.ticket != null && !this.ticket.isBlank();
	}

}
