package org.onesignin.hub.signin.persistence;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.onesignin.hub.shared.Sha256;
import org.onesignin.hub.signin.SignInRevocations;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationCode;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.stereotype.Component;
import org.springframework.util.Assert;

/**
 * The sign-in server's authorizations in the {@code sign_in_authorizations} collection,
 * shared by every instance: the lookup fields hold the SHA-256 hash of each code and
 * token, and the JDK-serialized authorization holds each token with its value replaced by
 * {@code sha256:<hash>} (metadata, claims, scopes and times kept), so no raw code or
 * token value is stored; the authorization request's {@code state} is kept raw. A code or
 * refresh token is redeemed once across instances, and one presented again revokes its
 * whole authorization.
 */
@Component
class MongoAuthorizations implements OAuth2AuthorizationService, SignInRevocations {

	private static final Log logger = LogFactory.getLog(MongoAuthorizations.class);

	/** An authorization that holds no token yet (awaiting consent) is kept this long. */
	private static final Duration PENDING = Duration.ofHours(1);

	private static final String REFRESH_TOKENS = "refreshTokenHashes";

	/** The hashes of the codes and refresh tokens a grant has redeemed. */
	private static final String CLAIMED = "claimedTokenHashes";

	/**
	 * How many of a chain's refresh tokens (and claimed tokens) an authorization keeps
	 * knowing: the document stays bounded however long the chain is refreshed; a token
	 * rotated out longer ago is merely refused (not found), no longer taken for a replay
	 * that ends the chain.
	 */
	private static final int REMEMBERED = 100;

	/** The field holding each kind of token's hash, by token type. */
	private static final Map<String, String> FIELDS = Map.of(OAuth2ParameterNames.STATE, "stateHash",
			OAuth2ParameterNames.CODE, "codeHash", OAuth2TokenType.ACCESS_TOKEN.getValue(), "accessTokenHash",
			OAuth2TokenType.REFRESH_TOKEN.getValue(), REFRESH_TOKENS, OidcParameterNames.ID_TOKEN, "idTokenHash");

	private final MongoTemplate mongo;

	private final Clock clock;

	MongoAuthorizations(MongoTemplate mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
		// every lookup by a token hash, the refresh claim, and revoking a person's all
		Stream.concat(FIELDS.values().stream(), Stream.of("refreshTokenHash", "principalName"))
			.forEach((field) -> mongo.indexOps(AuthorizationDocument.class)
				.createIndex(new Index().on(field, Sort.Direction.ASC)));
		// real MongoDB drops an authorization once its last token has expired; the
		// scheduled purge does the same where TTL indexes are ignored
		mongo.indexOps(AuthorizationDocument.class)
			.createIndex(new Index().on("expiresAt", Sort.Direction.ASC).expire(Duration.ZERO));
	}

	@Override
	public void save(OAuth2Authorization authorization) {
		Assert.notNull(authorization, "authorization cannot be null");
		String refreshTokenHash = StoredTokens.hashOf(authorization, OAuth2RefreshToken.class);
		Update update = new Update().set("registeredClientId", authorization.getRegisteredClientId())
			.set("principalName", authorization.getPrincipalName())
			// the state stays raw in the serialized authorization: it lives until consent
			// only and lets nobody in (the code it leads to is what gets redeemed)
			.set("stateHash", stateHashOf(authorization))
			.set("codeHash", StoredTokens.hashOf(authorization, OAuth2AuthorizationCode.class))
			.set("accessTokenHash", StoredTokens.hashOf(authorization, OAuth2AccessToken.class))
			.set("refreshTokenHash", refreshTokenHash)
			.set("idTokenHash", StoredTokens.hashOf(authorization, OidcIdToken.class))
			.set("expiresAt", expiresAt(authorization))
			.set("authorization", SerializedAuthorizations.write(StoredTokens.hashed(authorization)));
		if (refreshTokenHash != null) {
			// the refresh tokens the authorization was given stay known (the last
			// REMEMBERED), in the same atomic write, so a rotated one presented again is
			// recognised as reuse
			update.push(REFRESH_TOKENS).slice(-REMEMBERED).each(refreshTokenHash);
		}
		if (!isIssuedFromStored(authorization)) {
			this.mongo.upsert(byId(authorization.getId()), update, AuthorizationDocument.class);
		}
		else if (this.mongo.updateFirst(byId(authorization.getId()), update, AuthorizationDocument.class)
			.getMatchedCount() == 0) {
			// revoked while its new tokens were being issued (the code or refresh token
			// presented again meanwhile, the identity closed): they are not handed out,
			// and the authorization is not brought back
			throw new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_GRANT);
		}
	}

	/**
	 * Whether the authorization came from the store: it has redeemed a code or holds a
	 * refresh token.
	 */
	private static boolean isIssuedFromStored(OAuth2Authorization authorization) {
		OAuth2Authorization.Token<OAuth2AuthorizationCode> code = authorization.getToken(OAuth2AuthorizationCode.class);
		return authorization.getRefreshToken() != null || (code != null && code.isInvalidated());
	}

	@Override
	public void remove(OAuth2Authorization authorization) {
		Assert.notNull(authorization, "authorization cannot be null");
		this.mongo.remove(byId(authorization.getId()), AuthorizationDocument.class);
	}

	@Override
	public OAuth2Authorization findById(String id) {
		Assert.hasText(id, "id cannot be empty");
		return read(this.mongo.findOne(byId(id), AuthorizationDocument.class));
	}

	@Override
	public OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
		Assert.hasText(token, "token cannot be empty");
		String hash = Sha256.hex(token);
		Criteria criteria;
		if (tokenType == null) {
			criteria = new Criteria()
				.orOperator(FIELDS.values().stream().map((field) -> Criteria.where(field).is(hash)).toList());
		}
		else if (FIELDS.containsKey(tokenType.getValue())) {
			criteria = Criteria.where(FIELDS.get(tokenType.getValue())).is(hash);
		}
		else {
			return null;
		}
		if (tokenType != null && TokenGrants.redeems(tokenType.getValue())) {
			return redeem(token, hash, tokenType.getValue(), criteria);
		}
		AuthorizationDocument found = this.mongo.findOne(Query.query(criteria), AuthorizationDocument.class);
		if (found != null && isRotatedRefreshToken(found, hash)) {
			revokeReused(found);
			return null;
		}
		return withRaw(found, token);
	}

	/**
	 * A code or refresh token redeemed by a grant: claimed atomically, once, so that the
	 * same token presented twice (concurrently, to any instance) is served at most once
	 * and the second presentation ends the authorization.
	 */
	private OAuth2Authorization redeem(String token, String hash, String tokenType, Criteria known) {
		String current = OAuth2ParameterNames.CODE.equals(tokenType) ? "codeHash" : "refreshTokenHash";
		AuthorizationDocument claimed = this.mongo.findAndModify(
				Query.query(Criteria.where(current).is(hash).and(CLAIMED).ne(hash)),
				new Update().push(CLAIMED).slice(-REMEMBERED).each(hash), AuthorizationDocument.class);
		if (claimed != null) {
			TokenGrants.claimed(hash);
			return withRaw(claimed, token);
		}
		AuthorizationDocument found = this.mongo.findOne(Query.query(known), AuthorizationDocument.class);
		if (found == null) {
			return null;
		}
		if (TokenGrants.claimedHere(hash) && hash.equals(found.codeHash())) {
			return withRaw(found, token);
		}
		revokeReused(found);
		return null;
	}

	private void revokeReused(AuthorizationDocument found) {
		// a code or refresh token is used once: presented again, it was copied, and
		// whoever holds the chain's current tokens may be the thief, so the whole chain
		// goes (OAuth 2.0 Security BCP, refresh token rotation)
		logger.warn("A used code or refresh token was presented again: authorization " + found.id() + " of client "
				+ found.registeredClientId() + " revoked");
		this.mongo.remove(byId(found.id()), AuthorizationDocument.class);
	}

	/** Revokes every authorization of a person: codes, access and refresh tokens. */
	@Override
	public void revokeAllOf(String principalName) {
		this.mongo.remove(Query.query(Criteria.where("principalName").is(principalName)), AuthorizationDocument.class);
	}

	/** Forgets authorizations whose every token has expired. */
	@Scheduled(fixedDelayString = "${hub.sign-in.authorization-purge-interval:1h}",
			initialDelayString = "${hub.sign-in.authorization-purge-interval:1h}")
	void purgeExpired() {
		this.mongo.remove(Query.query(Criteria.where("expiresAt").lt(this.clock.instant())),
				AuthorizationDocument.class);
	}

	private static boolean isRotatedRefreshToken(AuthorizationDocument found, String hash) {
		return found.refreshTokenHashes() != null && found.refreshTokenHashes().contains(hash)
				&& !hash.equals(found.refreshTokenHash());
	}

	private Instant expiresAt(OAuth2Authorization authorization) {
		return Stream
			.of(authorization.getToken(OAuth2AuthorizationCode.class), authorization.getAccessToken(),
					authorization.getRefreshToken(), authorization.getToken(OidcIdToken.class))
			.filter(Objects::nonNull)
			.map((token) -> token.getToken().getExpiresAt())
			.filter(Objects::nonNull)
			.max(Instant::compareTo)
			.orElseGet(() -> this.clock.instant().plus(PENDING));
	}

	private static OAuth2Authorization withRaw(AuthorizationDocument document, String token) {
		OAuth2Authorization authorization = read(document);
		return (authorization != null) ? StoredTokens.withRaw(authorization, token) : null;
	}

	private static OAuth2Authorization read(AuthorizationDocument document) {
		if (document == null) {
			return null;
		}
		try {
			return SerializedAuthorizations.read(document.id(), document.authorization());
		}
		catch (IllegalStateException ex) {
			// unreadable (a class changed shape): the person signs in again rather than
			// every request with its tokens failing
			logger.warn(ex.getMessage(), ex.getCause());
			return null;
		}
	}

	private static Query byId(String id) {
		return Query.query(Criteria.where("_id").is(id));
	}

	/**
	 * The client chose the state: hashed as it is, never taken for an already hashed
	 * value (a state of the marker's form would otherwise pick its own lookup hash).
	 */
	private static String stateHashOf(OAuth2Authorization authorization) {
		String state = authorization.getAttribute(OAuth2ParameterNames.STATE);
		return (state != null) ? Sha256.hex(state) : null;
	}

}
