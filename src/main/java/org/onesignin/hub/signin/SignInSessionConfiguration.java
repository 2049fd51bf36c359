package org.onesignin.hub.signin;

import org.onesignin.hub.caller.HubSecurityProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.data.mongo.MongoIndexedSessionRepository;
import org.springframework.session.data.mongo.config.annotation.web.http.EnableMongoHttpSession;
import org.springframework.session.security.SpringSessionBackedSessionRegistry;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;

/**
 * The One Sign In session (Spring Session in MongoDB): a person who signed in through one
 * service's authorize request is signed in for every service's, on whichever instance
 * answers, until they sign out, stay idle for {@code hub.sign-in.session-idle-timeout},
 * or their identity is closed. The API itself stays stateless: only the sign-in pages and
 * the authorization endpoint create a session.
 */
@Configuration(proxyBeanMethods = false)
@EnableMongoHttpSession(collectionName = SignInSessionConfiguration.COLLECTION)
public class SignInSessionConfiguration {

	/** Where the sign-in sessions are kept. */
	public static final String COLLECTION = "sign_in_sessions";

	@Bean
	SessionRepositoryCustomizer<MongoIndexedSessionRepository> sessionIdleTimeout(SignInProperties properties) {
		return (repository) -> repository.setDefaultMaxInactiveInterval(properties.sessionIdleTimeout());
	}

	/**
	 * Who is signed in where, from the shared sessions: the authorization server names a
	 * sign-in session ({@code sid}) in ID tokens from it, and OIDC logout checks it.
	 */
	@Bean
	SessionRegistry sessionRegistry(FindByIndexNameSessionRepository<? extends Session> sessions) {
		return new SpringSessionBackedSessionRegistry<>(sessions);
	}

	@Bean
	CookieSerializer signInCookie(HubSecurityProperties security) {
		DefaultCookieSerializer cookie = new DefaultCookieSerializer();
		cookie.setCookieName("HUB_SESSION");
		cookie.setUseHttpOnlyCookie(true);
		// Lax: the cookie still comes with a service's top-level redirect to
		// /oauth2/authorize
		cookie.setSameSite("Lax");
		cookie.setUseSecureCookie(security.issuer().startsWith("https:"));
		return cookie;
	}

}
