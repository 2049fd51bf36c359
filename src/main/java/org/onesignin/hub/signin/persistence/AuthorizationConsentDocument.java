package org.onesignin.hub.signin.persistence;

import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

@Document("sign_in_authorization_consents")
record AuthorizationConsentDocument(@Id String id, String registeredClientId, String principalName,
		List<String> authorities) {

}
