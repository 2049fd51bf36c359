package org.onesignin.hub;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.onesignin.hub.support.HubIntegrationTest;
import org.onesignin.hub.support.LocalTokens;
import org.onesignin.hub.support.RegistrationInput;

import org.springframework.graphql.execution.ErrorType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onesignin.hub.support.RegistrationInput.aRegistration;

/**
 * The local issuer a newcomer uses: client credentials for partners and the scripted
 * person sign-in, whose tokens the hub then accepts.
 */
class SignInServerIntegrationTests extends HubIntegrationTest {

	@Test
	void issuesPartnerTokensThatRegisterAccountsAndPersonTokensThatSeeThem() {
		String partnerToken = LocalTokens.client("playstation-network")
			.withSecret("playstation-network-secret")
			.obtainFrom(http());
		String email = uniqueEmail();
		withToken(partnerToken).documentName("partner/registerAccount")
			.variable("input",
					aRegistration().withEmail(email)
						.forServiceAccount("psn-7")
						.withBasicDetails(Map.of("givenName", "Grace"))
						.toInput())
			.execute()
			.path("registerAccount.errors")
			.entityList(Object.class)
			.hasSize(0);

		String personToken = LocalTokens.person(email.toUpperCase())
			.withPassword(RegistrationInput.PASSWORD)
			.through("account-pages")
			.obtainFrom(http());

		withToken(personToken).documentName("account-pages/me")
			.execute()
			.path("me.signInEmail")
			.entity(String.class)
			.isEqualTo(email)
			.path("me.linkedAccounts[0].service.id")
			.entity(String.class)
			.isEqualTo("playstation-network")
			.path("me.linkedAccounts[0].serviceAccountId")
			.entity(String.class)
			.isEqualTo("psn-7");
	}

	@Test
	void refusesAWrongClientSecret() {
		http().post()
			.uri("/oauth2/token")
			.headers((headers) -> headers.setBasicAuth("sony-music", "wrong"))
			.body(BodyInserters.fromFormData("grant_type", "client_credentials"))
			.exchange()
			.expectStatus()
			.isUnauthorized();
	}

	@Test
	void refusesAWrongPasswordAtTheLocalTokenEndpoint() {
		String email = uniqueEmail();
		registerThrough("sony-music", email, Map.of("givenName", "Ada"));

		WebTestClient.ResponseSpec response = http().post()
			.uri("/local/token")
			.body(BodyInserters.fromFormData("client_id", "account-pages")
				.with("username", email)
				.with("password", "not the password"))
			.exchange();

		byte[] body = response.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.error")
			.isEqualTo("invalid_grant")
			.returnResult()
			.getResponseBody();
		assertThat(new String(body, StandardCharsets.UTF_8)).doesNotContain(email);
	}

	@Test
	void refusesALocalTokenThroughAConfidentialClientWithoutItsSecret() {
		String email = uniqueEmail();
		registerThrough("playstation-network", email, Map.of("givenName", "Ada"));

		for (String secret : new String[] { null, "wrong" }) {
			http().post().uri("/local/token").headers((headers) -> {
				if (secret != null) {
					headers.setBasicAuth("playstation-network", secret);
				}
			})
				.body(BodyInserters.fromFormData("client_id", "playstation-network")
					.with("username", email)
					.with("password", RegistrationInput.PASSWORD))
				.exchange()
				.expectStatus()
				.isUnauthorized()
				.expectBody()
				.jsonPath("$.error")
				.isEqualTo("invalid_client")
				.jsonPath("$.access_token")
				.doesNotExist();
		}
	}

	@Test
	void issuesALocalTokenThroughAConfidentialClientWithItsOwnSecret() {
		String email = uniqueEmail();
		registerThrough("playstation-network", email, Map.of("givenName", "Ada"));

		String token = LocalTokens.person(email)
			.withPassword(RegistrationInput.PASSWORD)
			.through("playstation-network")
			.obtainFrom(http());

		withToken(token).documentName("account-pages/me")
			.execute()
			.path("me.signInEmail")
			.entity(String.class)
			.isEqualTo(email);
	}

	@Test
	void refusesALocalTokenForAClientAnotherClientsSecretVouchesFor() {
		String email = uniqueEmail();
		registerThrough("playstation-network", email, Map.of("givenName", "Ada"));

		http().post()
			.uri("/local/token")
			.headers((headers) -> headers.setBasicAuth("sony-music", "sony-music-secret"))
			.body(BodyInserters.fromFormData("client_id", "playstation-network")
				.with("username", email)
				.with("password", RegistrationInput.PASSWORD))
			.exchange()
			.expectStatus()
			.isUnauthorized();
	}

	@Test
	void issuesSupportAgentTokensWithTheirCompany() {
		String token = LocalTokens.person("agent@sony-europe.example")
			.withPassword("support-password-1")
			.through("support-console")
			.obtainFrom(http());

		withToken(token).documentName("account-pages/me").execute().path("me").valueIsNull();
		withToken(token).documentName("support/customerAccount")
			.variable("id", "no-such-account")
			.variable("ticket", "T-1")
			.execute()
			.errors()
			.expect((error) -> error.getErrorType() == ErrorType.NOT_FOUND)
			.verify();
	}

	@Test
	void issuesTheDemoAdministratorATokenThatAdministersTheRegistryAndSeesNoAccount() {
		String token = LocalTokens.person("admin@onesignin.example")
			.withPassword("admin-password-1")
			.through("support-console")
			.obtainFrom(http());

		// a service's sign-in clients: an administrator's read only
		withToken(token).documentName("administration/serviceRegistration")
			.variable("serviceId", "sony-music")
			.execute()
			.path("serviceRegistration.clients[*].id")
			.entityList(String.class)
			.containsExactly("sony-music");
		withToken(token).documentName("support/customerAccount")
			.variable("id", "no-such-account")
			.variable("ticket", "T-1")
			.execute()
			.errors()
			.expect((error) -> error.getErrorType() == ErrorType.FORBIDDEN)
			.verify();
	}

	@Test
	void refusesStaffATokenThroughAServicesClient() {
		// a service's back end must not come away with a staff member's powers
		for (String staff : new String[] { "admin@onesignin.example", "agent@sony-europe.example" }) {
			http().post()
				.uri("/local/token")
				.body(BodyInserters.fromFormData("client_id", "account-pages")
					.with("username", staff)
					.with("password", staff.startsWith("admin") ? "admin-password-1" : "support-password-1"))
				.exchange()
				.expectStatus()
				.isBadRequest()
				.expectBody()
				.jsonPath("$.error")
				.isEqualTo("invalid_grant")
				.jsonPath("$.access_token")
				.doesNotExist();
		}
	}

	@Test
	void publishesDiscoveryAndKeys() {
		http().get()
			.uri("/.well-known/openid-configuration")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.issuer")
			.isEqualTo("http://localhost:8080");
		http().get()
			.uri("/oauth2/jwks")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.keys[0].kty")
			.isEqualTo("RSA");
	}

}
