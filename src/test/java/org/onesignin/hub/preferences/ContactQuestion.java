package org.onesignin.hub.preferences;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The variables of a {@code contactPermission} question, built by name:
 * {@code contacting(id).fromCompany("sony-music").byEmail(address).forMarketing()}. The
 * address is sent only when given.
 */
final class ContactQuestion {

	private final String accountId;

	private String companyId;

	private String channel;

	private String address;

	private String purpose;

	private ContactQuestion(String accountId) {
		this.accountId = accountId;
	}

	/** May {@code accountId} be contacted … */
	static ContactQuestion contacting(String accountId) {
		return new ContactQuestion(accountId);
	}

	ContactQuestion fromCompany(String companyId) {
		this.companyId = companyId;
		return this;
	}

	/** By email at the person's sign-in address. */
	ContactQuestion byEmail() {
		return by("EMAIL");
	}

	/** By email at one of the person's addresses. */
	ContactQuestion byEmail(String address) {
		this.address = address;
		return byEmail();
	}

	ContactQuestion bySms() {
		return by("SMS");
	}

	ContactQuestion byPhone() {
		return by("PHONE");
	}

	ContactQuestion byPost() {
		return by("POST");
	}

	ContactQuestion forMarketing() {
		return forPurpose("MARKETING");
	}

	ContactQuestion forProfiledMarketing() {
		return forPurpose("PROFILED_MARKETING");
	}

	ContactQuestion forTransactionalMessages() {
		return forPurpose("TRANSACTIONAL");
	}

	private ContactQuestion by(String channel) {
		this.channel = channel;
		return this;
	}

	private ContactQuestion forPurpose(String purpose) {
		this.purpose = purpose;
		return this;
	}

	Map<String, Object> toVariables() {
		Map<String, Object> variables = new LinkedHashMap<>();
		variables.put("accountId", this.accountId);
		variables.put("companyId", this.companyId);
		variables.put("channel", this.channel);
		if (this.address != null) {
			variables.put("address", this.address);
		}
		variables.put("purpose", this.purpose);
		return variables;
	}

}
