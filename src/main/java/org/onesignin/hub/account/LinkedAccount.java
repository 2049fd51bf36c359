package org.onesignin.hub.account;

import java.time.Instant;
import java.util.Objects;

/**
 * The link between an identity and one service account.
 */
public record LinkedAccount(String serviceId, String serviceAccountId, LinkStatus status, Instant linkedAt,
		Instant cancelledAt, String cancelledBy) {

	public LinkedAccount {
		Objects.requireNonNull(serviceId, "serviceId");
		Objects.requireNonNull(serviceAccountId, "serviceAccountId");
		Objects.requireNonNull(status, "status");
		Objects.requireNonNull(linkedAt, "linkedAt");
	}

	public static LinkedAccount active(String serviceId, String serviceAccountId, Instant linkedAt) {
		return new LinkedAccount(serviceId, serviceAccountId, LinkStatus.ACTIVE, linkedAt, null, null);
	}

	public boolean isActive() {
		return this.status == LinkStatus.ACTIVE;
	}

}
