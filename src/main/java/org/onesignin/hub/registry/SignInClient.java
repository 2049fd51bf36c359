package org.onesignin.hub.registry;

import java.util.List;
import java.util.Objects;

/**
 * An OAuth client of the group's sign-in: public (a browser or native app, PKCE, no
 * secret) or confidential (a service's back end, whose secret comes from configuration,
 * never from the registry), and where it may be sent back after a sign-in or a sign-out.
 *
 * @param id the client id
 * @param type public or confidential
 * @param redirectUris where an authorization response may go; a loopback URI
 * ({@code http://127.0.0.1/callback}) matches any port (RFC 8252 §7.3)
 * @param postLogoutRedirectUris where a sign-out may send the browser back to
 */
public record SignInClient(String id, Type type, List<String> redirectUris, List<String> postLogoutRedirectUris) {

	public SignInClient {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(type, "type");
		redirectUris = (redirectUris != null) ? List.copyOf(redirectUris) : List.of();
		postLogoutRedirectUris = (postLogoutRedirectUris != null) ? List.copyOf(postLogoutRedirectUris) : List.of();
	}

	/** A client a service's registry entry names without declaring it: its back end. */
	static SignInClient undeclared(String id) {
		return new SignInClient(id, Type.CONFIDENTIAL, List.of(), List.of());
	}

	public boolean isPublic() {
		return this.type == Type.PUBLIC;
	}

	/** Whether the client holds a secret. */
	public enum Type {

		PUBLIC, CONFIDENTIAL

	}

}
