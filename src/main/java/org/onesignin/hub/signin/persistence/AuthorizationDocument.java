package org.onesignin.hub.signin.persistence;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An authorization as stored: its tokens' SHA-256 hashes (lookup keys), every refresh
 * token it was ever given (to recognise a rotated one presented again), the codes and
 * refresh tokens a grant has redeemed, and the authorization serialized with its token
 * values in {@code sha256:<hash>} form.
 */
@Document("sign_in_authorizations")
record AuthorizationDocument(@Id String id, String registeredClientId, String principalName, String stateHash,
		String codeHash, String accessTokenHash, String refreshTokenHash, List<String> refreshTokenHashes,
		String idTokenHash, List<String> claimedTokenHashes, Instant expiresAt, byte[] authorization) {

}
