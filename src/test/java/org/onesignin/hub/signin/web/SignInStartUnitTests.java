package org.onesignin.hub.signin.web;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.onesignin.hub.registry.Company;
import org.onesignin.hub.registry.Registry;
import org.onesignin.hub.registry.Service;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.web.savedrequest.DefaultSavedRequest;
import org.springframework.security.web.savedrequest.SavedRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the sign-in page reads from a saved request: the service to name and the origin
 * its form may end at.
 */
class SignInStartUnitTests {

	private static final Registry REGISTRY = new Registry(List.of(new Company("music-co", "Music Co", "US", 13, null)),
			List.of(new Service("tunes", "Tunes", "music-co", List.of("tunes-web"), Set.of(), null, false)));

	private static final RegisteredClientRepository CLIENTS = new RegisteredClientRepository() {

		@Override
		public void save(RegisteredClient client) {
		}

		@Override
		public RegisteredClient findById(String id) {
			return null;
		}

		@Override
		public RegisteredClient findByClientId(String clientId) {
			return RegisteredClient.withId(clientId)
				.clientId(clientId)
				.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
				.redirectUri("http://127.0.0.1/callback")
				.redirectUri("https://tunes.example/signed-in")
				.build();
		}

	};

	@Test
	void namesTheServiceTheClientActsForAndTheOriginOfItsRegisteredRedirect() {
		SignInStart start = startOf("/oauth2/authorize", "tunes-web", "https://tunes.example/signed-in");

		assertThat(start).isEqualTo(new SignInStart("Tunes", "https://tunes.example"));
	}

	@Test
	void admitsALoopbackRedirectOnAnyPort() {
		SignInStart start = startOf("/oauth2/authorize", "tunes-web", "http://127.0.0.1:53124/callback");

		assertThat(start.returnOrigin()).isEqualTo("http://127.0.0.1:53124");
	}

	@Test
	void leavesOutARedirectTheClientDidNotRegister() {
		SignInStart start = startOf("/oauth2/authorize", "tunes-web", "https://elsewhere.example/signed-in");

		assertThat(start.returnOrigin()).isNull();
	}

	@Test
	void namesTheSupportConsoleThatActsForNoService() {
		SignInStart start = startOf("/oauth2/authorize", "support-console", "http://127.0.0.1:9/callback");

		assertThat(start.destination()).isEqualTo("the support console");
	}

	@Test
	void namesNoOneForARequestThatIsNotAnAuthorizeRequest() {
		SignInStart start = startOf("/somewhere", "tunes-web", "https://tunes.example/signed-in");

		assertThat(start).isEqualTo(new SignInStart(null, null));
	}

	private static SignInStart startOf(String path, String clientId, String redirectUri) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
		request.setServerName("localhost");
		request.setServerPort(8080);
		request.addParameter("client_id", clientId);
		request.addParameter("redirect_uri", redirectUri);
		request.setQueryString("client_id=" + clientId + "&redirect_uri=" + redirectUri);
		SavedRequest saved = new DefaultSavedRequest(request);
		return SignInStart.of(saved, "/oauth2/authorize", REGISTRY, CLIENTS);
	}

}
