package org.onesignin.hub.partnersync;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Webhook delivery of the services' feeds.
 *
 * @param secrets each service's signing secret by service id: base64 of at least 32 bytes
 * (Standard Webhooks signs with the decoded bytes); a service whose registry entry names
 * a webhook but that has no secret here gets no delivery
 * @param maxAttempts failed attempts at one entry before the webhook is marked
 * {@code FAILING} and paused until {@code redeliverServiceChanges}
 * @param firstRetry the wait after the first failure; it doubles with each further one,
 * with jitter, up to {@code longestRetry}
 * @param longestRetry the longest wait between two attempts
 * @param interval how often each service's delivery looks for new entries
 * @param timeout how long connecting, the TLS handshake and each wait for the answer's
 * next bytes may take; a whole POST is abandoned after twice this
 * @param batch entries delivered to one service per round at most
 * @param leaseTerm how long one instance holds a service's delivery without renewing it:
 * after an instance dies, another takes over within this time
 */
@ConfigurationProperties("hub.webhooks")
public record WebhookProperties(@DefaultValue Map<String, String> secrets, @DefaultValue("20") int maxAttempts,
		@DefaultValue("1s") Duration firstRetry, @DefaultValue("10m") Duration longestRetry,
		@DefaultValue("1s") Duration interval, @DefaultValue("10s") Duration timeout, @DefaultValue("100") int batch,
		@DefaultValue("60s") Duration leaseTerm) {

}
