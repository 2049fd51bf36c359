package org.onesignin.hub.preferences;

/**
 * A marketing channel.
 */
public enum Channel {

	EMAIL, POST, PHONE, SMS

}
