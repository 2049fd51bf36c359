package org.onesignin.hub.signin.persistence;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An authorization as stored: its tokens only as SHA-256 hashes (lookup keys), every
 * refresh token it was ever given (to recognise a rotated one presented again), and the
 * authorization itself serialized.
 */
@Document("sign_in_authorizations")
record AuthorizationDocument(@Id String id, String registeredClientId, String principalName, String stateHash,
		String codeHash, String accessTokenHash, String refreshTokenHash, List<String> refreshTokenHashes,
		String idTokenHash, Instant expiresAt, byte[] authorization) {

}
