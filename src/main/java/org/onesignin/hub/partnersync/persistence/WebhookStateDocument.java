package org.onesignin.hub.partnersync.persistence;

import java.time.Instant;

import org.onesignin.hub.partnersync.WebhookState;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

@Document("webhook_deliveries")
record WebhookStateDocument(@Id String serviceId, long deliveredUpTo, WebhookState.Status status, int attempts,
		Instant nextAttemptAt, String lastError, Instant lastDeliveredAt, long version, String url) {

}
