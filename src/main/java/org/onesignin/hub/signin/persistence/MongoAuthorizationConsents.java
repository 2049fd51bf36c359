package org.onesignin.hub.signin.persistence;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsent;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;
import org.springframework.stereotype.Component;
import org.springframework.util.Assert;

/**
 * The consents people gave clients at the sign-in server, in the
 * {@code sign_in_authorization_consents} collection: one document per client and person,
 * so every instance sees the same.
 */
@Component
class MongoAuthorizationConsents implements OAuth2AuthorizationConsentService {

	private final MongoTemplate mongo;

	MongoAuthorizationConsents(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public void save(OAuth2AuthorizationConsent consent) {
		Assert.notNull(consent, "authorizationConsent cannot be null");
		this.mongo
			.save(new AuthorizationConsentDocument(idOf(consent.getRegisteredClientId(), consent.getPrincipalName()),
					consent.getRegisteredClientId(), consent.getPrincipalName(),
					consent.getAuthorities().stream().map(GrantedAuthority::getAuthority).sorted().toList()));
	}

	@Override
	public void remove(OAuth2AuthorizationConsent consent) {
		Assert.notNull(consent, "authorizationConsent cannot be null");
		this.mongo.remove(byId(idOf(consent.getRegisteredClientId(), consent.getPrincipalName())),
				AuthorizationConsentDocument.class);
	}

	@Override
	public OAuth2AuthorizationConsent findById(String registeredClientId, String principalName) {
		Assert.hasText(registeredClientId, "registeredClientId cannot be empty");
		Assert.hasText(principalName, "principalName cannot be empty");
		AuthorizationConsentDocument found = this.mongo.findOne(byId(idOf(registeredClientId, principalName)),
				AuthorizationConsentDocument.class);
		if (found == null) {
			return null;
		}
		OAuth2AuthorizationConsent.Builder consent = OAuth2AuthorizationConsent.withId(found.registeredClientId(),
				found.principalName());
		found.authorities().forEach((authority) -> consent.authority(new SimpleGrantedAuthority(authority)));
		return consent.build();
	}

	private static String idOf(String registeredClientId, String principalName) {
		// a registered client id is a UUID, so the first space cannot be inside it
		return registeredClientId + " " + principalName;
	}

	private static Query byId(String id) {
		return Query.query(Criteria.where("_id").is(id));
	}

}
