package org.onesignin.hub.partnersync;

import java.time.Instant;

/**
 * Where one service's webhook delivery stands: every feed entry up to
 * {@code deliveredUpTo} was answered 2xx; the next one has failed {@code attempts} times
 * and is tried again at {@code nextAttemptAt}; after too many failures the delivery is
 * {@code FAILING} and paused until a redelivery is asked for. {@code version} counts the
 * saves: a save based on an older version is refused, so neither a delivery round nor a
 * redelivery overwrites the other. {@code url} is the address the position belongs to
 * (null in a state saved before it was recorded): a webhook pointed elsewhere starts
 * again at the feed's end, so a new address never receives the old one's backlog.
 */
public record WebhookState(String serviceId, long deliveredUpTo, Status status, int attempts, Instant nextAttemptAt,
		String lastError, Instant lastDeliveredAt, long version, String url) {

	public enum Status {

		ACTIVE, FAILING,
		/**
		 * An address an administrator may have set: nothing is POSTed there until the
		 * service's partner confirms it ({@code confirmServiceWebhook}, with a proof
		 * signed with the webhook's secret), so that an administrator, who sees no
		 * account, cannot send the feed's personal data to an address of their choosing.
		 */
		AWAITING_CONFIRMATION

	}

	/** A new delivery, from the feed's end: a new webhook receives what comes next. */
	static WebhookState startingAfter(String serviceId, String url, long sequence, Instant now,
			boolean awaitsConfirmation) {
		return new WebhookState(serviceId, sequence, awaitsConfirmation ? Status.AWAITING_CONFIRMATION : Status.ACTIVE,
				0, now, null, null, 0, url);
	}

	/** Whether the position belongs to this address. */
	boolean isFor(String address) {
		return address.equals(this.url);
	}

	/**
	 * The same position, recorded as belonging to the address (for a state saved before
	 * addresses were recorded).
	 */
	WebhookState recordedFor(String address, boolean awaitsConfirmation) {
		return new WebhookState(this.serviceId, this.deliveredUpTo,
				awaitsConfirmation ? Status.AWAITING_CONFIRMATION : this.status, this.attempts, this.nextAttemptAt,
				this.lastError, this.lastDeliveredAt, this.version, address);
	}

	/** The delivery to a new address, from just after {@code sequence}. */
	WebhookState pointedAt(String address, long sequence, Instant now, boolean awaitsConfirmation) {
		return new WebhookState(this.serviceId, sequence,
				awaitsConfirmation ? Status.AWAITING_CONFIRMATION : Status.ACTIVE, 0, now, null, null, this.version,
				address);
	}

	WebhookState delivered(long sequence, Instant now) {
		return new WebhookState(this.serviceId, sequence, Status.ACTIVE, 0, now, null, now, this.version, this.url);
	}

	WebhookState failed(String error, Instant retryAt, int maxAttempts) {
		int failures = this.attempts + 1;
		return new WebhookState(this.serviceId, this.deliveredUpTo,
				(failures >= maxAttempts) ? Status.FAILING : Status.ACTIVE, failures, retryAt, error,
				this.lastDeliveredAt, this.version, this.url);
	}

	/**
	 * Delivery again from just after {@code sequence} to the address the partner asked it
	 * for, at once, whatever failed before.
	 */
	WebhookState redeliverAfter(long sequence, String address, Instant now) {
		return new WebhookState(this.serviceId, sequence, Status.ACTIVE, 0, now, null, this.lastDeliveredAt,
				this.version, address);
	}

	/** Confirmed by the partner: delivering, from where it stands. */
	WebhookState confirmed(Instant now) {
		return (this.status != Status.AWAITING_CONFIRMATION) ? this : new WebhookState(this.serviceId,
				this.deliveredUpTo, Status.ACTIVE, 0, now, null, this.lastDeliveredAt, this.version, this.url);
	}

	boolean isDue(Instant now) {
		return this.status == Status.ACTIVE && !now.isBefore(this.nextAttemptAt);
	}

}
