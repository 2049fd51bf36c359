package org.onesignin.hub.limits;

import java.util.List;

import org.onesignin.hub.shared.Caller;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The caller kinds as settings name them ({@code hub.rate-limits.<kind>},
 * {@code hub.graphql.trusted-documents-exempt-callers}).
 */
final class CallerKinds {

	static final String PARTNER_SERVICE = "partner-service";

	static final String PERSON = "person";

	static final String SUPPORT_AGENT = "support-agent";

	static final String ADMINISTRATOR = "administrator";

	static final String ANONYMOUS = "anonymous";

	static final List<String> NAMES = List.of(PARTNER_SERVICE, PERSON, SUPPORT_AGENT, ADMINISTRATOR, ANONYMOUS);

	private CallerKinds() {
	}

	/** The setting name of a caller's kind; no caller is anonymous. */
	static String of(Caller caller) {
		if (caller == null) {
			return ANONYMOUS;
		}
		return switch (caller.kind()) {
			case PARTNER_SERVICE -> PARTNER_SERVICE;
			case USER -> PERSON;
			case SUPPORT_AGENT -> SUPPORT_AGENT;
			case ADMINISTRATOR -> ADMINISTRATOR;
			case ANONYMOUS -> ANONYMOUS;
		};
	}

	/** The caller whose token this request thread checked, if any. */
	static Caller current() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return (authentication != null && authentication.getPrincipal() instanceof Caller caller) ? caller : null;
	}

}
