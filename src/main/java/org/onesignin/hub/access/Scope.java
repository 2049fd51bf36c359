package org.onesignin.hub.access;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

import org.onesignin.hub.shared.BasicDetailField;

/**
 * What one caller sees of one account (rule 6): the basic-detail fields, the services
 * whose links it sees, and whether its reads and changes go to the access log.
 */
public record Scope(Kind kind, Set<BasicDetailField> fields, Set<String> services) {

	public Scope {
		// enum order, so access-log entries list fields the same way every time
		fields = Collections
			.unmodifiableSet(fields.isEmpty() ? EnumSet.noneOf(BasicDetailField.class) : EnumSet.copyOf(fields));
		services = Set.copyOf(services);
	}

	public boolean isOwner() {
		return this.kind == Kind.OWNER;
	}

	/**
	 * Reads and changes by someone other than the person are written to the access log.
	 */
	public boolean isLogged() {
		return this.kind == Kind.SUPPORT || this.kind == Kind.PARTNER;
	}

	public boolean sees(BasicDetailField field) {
		return this.fields.contains(field);
	}

	/** Who is looking. */
	public enum Kind {

		/** The person on the account pages: everything. */
		OWNER,
		/** The person through a partner's own sign-in: what that service sees. */
		OWNER_THROUGH_SERVICE,
		/** A support agent: basic details and its company's links. */
		SUPPORT,
		/** A partner service: its entitled fields and its own link. */
		PARTNER

	}

}
