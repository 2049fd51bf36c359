package org.onesignin.hub.registry.persistence;

import java.util.List;

import org.onesignin.hub.registry.SignInClient;

/** A sign-in client, inside the registry document. */
record SignInClientDocument(String id, SignInClient.Type type, List<String> redirectUris,
		List<String> postLogoutRedirectUris) {

}
