package org.onesignin.hub.account;

/**
 * A postal address; validated by {@link BasicDetailsValidation} on the way in.
 */
public record PostalAddress(String streetAddress, String locality, String region, String postalCode, String country) {
}
