package org.onesignin.hub.registry.persistence;

import java.util.List;

import org.onesignin.hub.registry.SignInClient;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

@Document("sign_in_clients")
record SignInClientDocument(@Id String id, SignInClient.Type type, List<String> redirectUris,
		List<String> postLogoutRedirectUris) {

}
