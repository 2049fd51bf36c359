package org.onesignin.hub.localissuer;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The local token issuer for development and demos (off in production).
 *
 * @param enabled whether the hub issues tokens itself
 * @param keyFile where the signing key is kept, generated on first start
 * @param redirectUris redirect URIs accepted for the authorization code flow
 * @param tokenMinutes access token lifetime
 * @param staff seeded support agents
 */
@ConfigurationProperties("hub.local-issuer")
public record LocalIssuerProperties(@DefaultValue("false") boolean enabled,
		@DefaultValue("./data/local-issuer-key.json") String keyFile,
		@DefaultValue("http://127.0.0.1:8080/local/callback") List<String> redirectUris,
		@DefaultValue("60") int tokenMinutes, @DefaultValue List<StaffMember> staff) {

	/** A support agent of one company. */
	public record StaffMember(String username, String password, String company) {
	}

}
