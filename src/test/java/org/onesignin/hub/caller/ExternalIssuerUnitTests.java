package org.onesignin.hub.caller;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.onesignin.hub.shared.CallerKind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The trusted-issuer entries are checked at start-up: each mistake fails the start with a
 * message naming the property.
 */
class ExternalIssuerUnitTests {

	private static final String HUB = "https://hub.example";

	private static final String STAFF = "https://kc.example/realms/staff";

	private static final String CERTS = STAFF + "/protocol/openid-connect/certs";

	@Test
	void defaultsAnEntryToSupportAgentsWithTheHubsAudienceAndSupportRole() {
		ExternalIssuer issuer = ExternalIssuer.from(hubTrusting(entry(STAFF, CERTS, List.of("SUPPORT_AGENT")))).get(0);

		assertThat(issuer.contract().callers()).containsExactly(CallerKind.SUPPORT_AGENT);
		assertThat(issuer.audience()).isEqualTo("one-sign-in-hub");
		assertThat(issuer.contract().supportRole()).isEqualTo("support");
	}

	@Test
	void readsCallerKindsInRelaxedForm() {
		ExternalIssuer issuer = ExternalIssuer.from(hubTrusting(entry(STAFF, CERTS, List.of("support-agent", "user"))))
			.get(0);

		assertThat(issuer.contract().callers()).containsExactlyInAnyOrder(CallerKind.SUPPORT_AGENT, CallerKind.USER);
	}

	@Test
	void refusesAnEntryWithoutAnIssuer() {
		assertThatIllegalStateException()
			.isThrownBy(() -> ExternalIssuer.from(hubTrusting(entry(" ", CERTS, List.of("SUPPORT_AGENT")))))
			.withMessageContaining("hub.security.trusted-issuers[0].issuer is missing");
	}

	@Test
	void refusesAnEntryWithoutAJwkSetUri() {
		assertThatIllegalStateException()
			.isThrownBy(() -> ExternalIssuer.from(hubTrusting(entry(STAFF, null, List.of("SUPPORT_AGENT")))))
			.withMessageContaining("hub.security.trusted-issuers[0].jwk-set-uri is missing");
	}

	@Test
	void refusesTheHubsOwnIssuerAsAnExternalOne() {
		assertThatIllegalStateException()
			.isThrownBy(() -> ExternalIssuer.from(hubTrusting(entry(HUB + "/", CERTS, List.of("SUPPORT_AGENT")))))
			.withMessageContaining("hub.security.trusted-issuers[0].issuer is the hub's own issuer");
	}

	@Test
	void refusesAnUnknownCallerKind() {
		assertThatIllegalStateException()
			.isThrownBy(() -> ExternalIssuer.from(hubTrusting(entry(STAFF, CERTS, List.of("ANONYMOUS")))))
			.withMessageContaining("hub.security.trusted-issuers[0].callers names an unknown caller kind 'ANONYMOUS'");
	}

	@Test
	void refusesAnIssuerListedTwice() {
		assertThatIllegalStateException()
			.isThrownBy(() -> ExternalIssuer.from(hubTrusting(entry(STAFF, CERTS, List.of("SUPPORT_AGENT")),
					entry(STAFF, CERTS, List.of("SUPPORT_AGENT")))))
			.withMessageContaining("hub.security.trusted-issuers[1].issuer is listed twice");
	}

	@Test
	void refusesAnIssuerOfSupportAgentsWithoutItsCompanies() {
		HubSecurityProperties.TrustedIssuer anyCompany = new HubSecurityProperties.TrustedIssuer(STAFF, CERTS, null,
				claims(), List.of("SUPPORT_AGENT"), null, null, null);

		assertThatIllegalStateException().isThrownBy(() -> ExternalIssuer.from(hubTrusting(anyCompany)))
			.withMessageContaining("hub.security.trusted-issuers[0].companies is missing");
	}

	private static HubSecurityProperties hubTrusting(HubSecurityProperties.TrustedIssuer... entries) {
		return new HubSecurityProperties(HUB, "one-sign-in-hub", claims(), "support", "administrator",
				List.of("account-pages"), 100, List.of(entries));
	}

	private static HubSecurityProperties.TrustedIssuer entry(String issuer, String jwkSetUri, List<String> callers) {
		return new HubSecurityProperties.TrustedIssuer(issuer, jwkSetUri, null, claims(), callers, null, null,
				List.of("sony-interactive"));
	}

	private static HubSecurityProperties.Claims claims() {
		return new HubSecurityProperties.Claims("realm_access.roles", "company", "azp", "client_id");
	}

}
