package org.onesignin.hub.support;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code input} of {@code setMarketingConsent}, built by name:
 * {@code aConsent().forCompany("sony-music").sms().granted()}. The policy version is
 * {@code 2026-01} (the demo registry's current version) unless
 * {@link #underPolicy(String)} says otherwise; the account, the address and the ticket
 * are sent only when given.
 */
public final class ConsentInput {

	private String accountId;

	private String companyId;

	private String channel;

	private String address;

	private String state;

	private String policyVersion = "2026-01";

	private String ticket;

	private ConsentInput() {
	}

	public static ConsentInput aConsent() {
		return new ConsentInput();
	}

	/** Whose consent it is, for callers other than the person themself. */
	public ConsentInput forAccount(String accountId) {
		this.accountId = accountId;
		return this;
	}

	public ConsentInput forCompany(String companyId) {
		this.companyId = companyId;
		return this;
	}

	/** The email channel for the person's sign-in address. */
	public ConsentInput email() {
		return channel("EMAIL");
	}

	/** The email channel for one of the person's addresses. */
	public ConsentInput byEmail(String address) {
		return email().atAddress(address);
	}

	public ConsentInput sms() {
		return channel("SMS");
	}

	public ConsentInput phone() {
		return channel("PHONE");
	}

	public ConsentInput post() {
		return channel("POST");
	}

	/** An address on whatever channel is chosen (valid for email only). */
	public ConsentInput atAddress(String address) {
		this.address = address;
		return this;
	}

	public ConsentInput granted() {
		return inState("GRANTED");
	}

	public ConsentInput withdrawn() {
		return inState("WITHDRAWN");
	}

	public ConsentInput notAsked() {
		return inState("NOT_ASKED");
	}

	public ConsentInput inState(String state) {
		this.state = state;
		return this;
	}

	public ConsentInput underPolicy(String policyVersion) {
		this.policyVersion = policyVersion;
		return this;
	}

	/** The support ticket a support agent must give. */
	public ConsentInput withTicket(String ticket) {
		this.ticket = ticket;
		return this;
	}

	private ConsentInput channel(String channel) {
		this.channel = channel;
		return this;
	}

	public Map<String, Object> toInput() {
		Map<String, Object> input = new LinkedHashMap<>();
		putIfGiven(input, "accountId", this.accountId);
		input.put("companyId", this.companyId);
		input.put("channel", this.channel);
		putIfGiven(input, "address", this.address);
		input.put("state", this.state);
		input.put("policyVersion", this.policyVersion);
		putIfGiven(input, "ticket", this.ticket);
		return input;
	}

	private static void putIfGiven(Map<String, Object> input, String key, Object value) {
		if (value != null) {
			input.put(key, value);
		}
	}

}
