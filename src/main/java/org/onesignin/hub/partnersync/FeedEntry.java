package org.onesignin.hub.partnersync;

import org.onesignin.hub.account.ServiceChange;

/**
 * An event as it stands in a service's feed: its place ({@code sequence}, strictly
 * growing in the order events were appended) and the event itself.
 */
public record FeedEntry(long sequence, ServiceChange change) {
}
