package org.onesignin.hub.registry;

/**
 * How a person reaches a company's privacy team.
 */
public record PrivacyContact(String email, String postalAddress, String webForm) {
}
