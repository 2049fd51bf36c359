package org.onesignin.hub.partnersync;

/**
 * Port: a feed position as the cursor callers see (the one {@code serviceChanges},
 * {@code acknowledgeServiceChanges} and {@code redeliverServiceChanges} take), so that a
 * webhook's events carry it too.
 */
public interface FeedCursors {

	String cursorOf(long sequence);

}
