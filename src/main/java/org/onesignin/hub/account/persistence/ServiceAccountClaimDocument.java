package org.onesignin.hub.account.persistence;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** Unique by id: {@code serviceId + "/" + serviceAccountId}. */
@Document("service_account_claims")
record ServiceAccountClaimDocument(@Id String id, String serviceId, String serviceAccountId, String accountId) {
}
