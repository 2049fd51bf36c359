package org.onesignin.hub.support;

import java.util.Map;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tokens from the running hub's local issuer, obtained as a newcomer would with curl:
 * {@code LocalTokens.client("sony-music").withSecret(secret).obtainFrom(http)} at the
 * token endpoint (client credentials), or
 * {@code LocalTokens.person(email).withPassword(password).through("account-pages").obtainFrom(http)}
 * at {@code /local/token}.
 */
public final class LocalTokens {

	/** The demo registry's public clients. */
	static final java.util.Set<String> PUBLIC_CLIENTS = java.util.Set.of("account-pages", "support-console");

	private LocalTokens() {
	}

	/** A partner service's client-credentials grant. */
	public static ClientGrant client(String clientId) {
		return new ClientGrant(clientId);
	}

	/** A person's (or support agent's) sign-in with their username and password. */
	public static PersonSignIn person(String username) {
		return new PersonSignIn(username);
	}

	/** The access token of a Bearer token response, which must be there. */
	private static String accessTokenOf(WebTestClient.ResponseSpec response) {
		Map<String, Object> body = response.expectStatus()
			.isOk()
			.expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.returnResult()
			.getResponseBody();
		assertThat(body).containsEntry("token_type", "Bearer").containsKey("access_token");
		return (String) body.get("access_token");
	}

	/** The client-credentials grant at {@code /oauth2/token}, with HTTP Basic. */
	public static final class ClientGrant {

		private final String clientId;

		private String secret;

		private ClientGrant(String clientId) {
			this.clientId = clientId;
		}

		public ClientGrant withSecret(String secret) {
			this.secret = secret;
			return this;
		}

		public String obtainFrom(WebTestClient http) {
			return accessTokenOf(http.post()
				.uri("/oauth2/token")
				.headers((headers) -> headers.setBasicAuth(this.clientId, this.secret))
				.contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.body(BodyInserters.fromFormData("grant_type", "client_credentials"))
				.exchange());
		}

	}

	/** The scripted sign-in at {@code /local/token} through a client. */
	public static final class PersonSignIn {

		private final String username;

		private String password;

		private String clientId;

		private PersonSignIn(String username) {
			this.username = username;
		}

		public PersonSignIn withPassword(String password) {
			this.password = password;
			return this;
		}

		/** The client the person signs in through, for example {@code account-pages}. */
		public PersonSignIn through(String clientId) {
			this.clientId = clientId;
			return this;
		}

		/**
		 * Through a public client the id is enough; a confidential client (a partner's
		 * own sign-in) shows its demo secret, as its back end would.
		 */
		public String obtainFrom(WebTestClient http) {
			boolean publicClient = PUBLIC_CLIENTS.contains(this.clientId);
			return accessTokenOf(http.post().uri("/local/token").headers((headers) -> {
				if (!publicClient) {
					headers.setBasicAuth(this.clientId, this.clientId + "-secret");
				}
			})
				.contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.body(BodyInserters.fromFormData("client_id", this.clientId)
					.with("username", this.username)
					.with("password", this.password))
				.exchange());
		}

	}

}
