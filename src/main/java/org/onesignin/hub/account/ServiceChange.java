package org.onesignin.hub.account;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.onesignin.hub.shared.BasicDetailField;
import org.onesignin.hub.shared.ChangeOrigin;

/**
 * An event for one service about one account: written in the same atomic update as the
 * change that caused it (the account's outbox), then relayed to the service's feed. The
 * id is unique, so receivers can drop duplicates of an at-least-once delivery.
 *
 * @param data the service's entitled basic details after the change, keyed by field name
 */
public record ServiceChange(String id, String type, String accountId, String serviceId, String serviceAccountId,
		int revision, Instant time, List<BasicDetailField> changedFields, Map<String, Object> data,
		ChangeOrigin origin) {

	/** A service account was linked to the identity; carries the entitled details. */
	public static final String LINKED = "service-account.linked";

	/** Basic details the service is entitled to changed. */
	public static final String DETAILS_CHANGED = "basic-details.changed";

	/** The service account was cancelled (by its controller); nothing follows it. */
	public static final String CANCELLED = "service-account.cancelled";

	/**
	 * The sign-in email was verified (a new one with it, for services entitled to the
	 * email).
	 */
	public static final String SIGN_IN_EMAIL_VERIFIED = "sign-in-email.verified";

	/**
	 * The password was changed or reset ({@code how}); carries no secret. The service may
	 * end its own sessions.
	 */
	public static final String PASSWORD_CHANGED = "password.changed";

	public ServiceChange {
		changedFields = List.copyOf(changedFields);
		data = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(data));
	}

	static String newId() {
		return UUID.randomUUID().toString();
	}

}
