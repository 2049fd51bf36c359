package org.onesignin.hub.registry;

/**
 * Where and how a service's account cancellation is done.
 */
public record Cancellation(String url, String instructions) {
}
