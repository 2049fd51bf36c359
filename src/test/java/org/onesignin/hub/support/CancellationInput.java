package org.onesignin.hub.support;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code input} of {@code cancelServiceAccount}, built by name:
 * {@code aCancellationOf("my-sony").forAccount(id).withTicket("T-1")}. The account and
 * the ticket are sent only when given (a person cancels their own).
 */
public final class CancellationInput {

	private final String serviceId;

	private String accountId;

	private String ticket;

	private CancellationInput(String serviceId) {
		this.serviceId = serviceId;
	}

	/** A cancellation of the person's account at {@code serviceId}. */
	public static CancellationInput aCancellationOf(String serviceId) {
		return new CancellationInput(serviceId);
	}

	/** Whose account it is, for callers other than the person themself. */
	public CancellationInput forAccount(String accountId) {
		this.accountId = accountId;
		return this;
	}

	/** The support ticket a support agent must give. */
	public CancellationInput withTicket(String ticket) {
		this.ticket = ticket;
		return this;
	}

	public Map<String, Object> toInput() {
		Map<String, Object> input = new LinkedHashMap<>();
		if (this.accountId != null) {
			input.put("accountId", this.accountId);
		}
		input.put("serviceId", this.serviceId);
		if (this.ticket != null) {
			input.put("ticket", this.ticket);
		}
		return input;
	}

}
