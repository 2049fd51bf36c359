package org.onesignin.hub.signin.persistence;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

@Document("signing_keys")
record SigningKeyDocument(@Id String slot, String jwk, Instant activeFrom, Instant activeUntil, Instant publishUntil) {

}
