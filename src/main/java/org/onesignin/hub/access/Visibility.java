package org.onesignin.hub.access;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

import org.onesignin.hub.shared.BasicDetailField;

/**
 * What one caller sees of one account (rule 6): the basic-detail fields and the services
 * whose links it sees; reads and changes by someone other than the person are logged.
 */
public record Visibility(CallerRole role, Set<BasicDetailField> fields, Set<String> services) {

	public Visibility {
		// enum order, so access-log entries list fields the same way every time
		fields = Collections
			.unmodifiableSet(fields.isEmpty() ? EnumSet.noneOf(BasicDetailField.class) : EnumSet.copyOf(fields));
		services = Set.copyOf(services);
	}

	/** The person on the account pages, who sees everything of their own. */
	public boolean isOwner() {
		return this.role == CallerRole.OWNER;
	}

	/** Whether reads and changes go to the access log: support agents' and partners'. */
	public boolean isLogged() {
		return this.role == CallerRole.SUPPORT_AGENT || this.role == CallerRole.PARTNER_SERVICE;
	}

	/**
	 * Whether the caller sees a sign-in email asked for and not yet confirmed: the person
	 * and support, never a service (it is no synced detail until confirmed).
	 */
	public boolean seesPendingSignInEmail() {
		return this.role == CallerRole.OWNER || this.role == CallerRole.SUPPORT_AGENT;
	}

	public boolean sees(BasicDetailField field) {
		return this.fields.contains(field);
	}

}
