package org.onesignin.hub.pages;

import org.junit.jupiter.api.Test;
import org.onesignin.hub.support.HubIntegrationTest;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages as any HTTP client gets them: served without a sign-in (they sign in
 * themselves), under a Content-Security-Policy that allows no inline script or style and
 * no other origin, and without leaking the authorization code in a referrer.
 */
class WebPagesIntegrationTests extends HubIntegrationTest {

	@Test
	void servesBothPagesAndTheirScriptsUnderAStrictContentSecurityPolicy() {
		for (String path : new String[] { "/account/", "/support/", "/pages/account.js", "/pages/support.js",
				"/pages/pages.css" }) {
			assertStrictHeaders(http().get().uri(path).exchange());
			// a scanner probing with HEAD sees the same policy
			assertStrictHeaders(http().head().uri(path).exchange());
		}
	}

	private static void assertStrictHeaders(WebTestClient.ResponseSpec response) {
		response.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("Content-Security-Policy",
					"default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
							+ "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
			.expectHeader()
			.valueEquals("Referrer-Policy", "no-referrer");
	}

	@Test
	void servesTheAccountPagesAtTheirFolderAddress() {
		http().get()
			.uri("/account")
			.exchange()
			.expectStatus()
			.is3xxRedirection()
			.expectHeader()
			.value(HttpHeaders.LOCATION, (location) -> assertThat(location).endsWith("/account/"));
		for (String page : new String[] { "/account/", "/support/" }) {
			http().get()
				.uri(page)
				.accept(MediaType.TEXT_HTML)
				.exchange()
				.expectBody(String.class)
				.value((html) -> assertThat(html).containsPattern("<script type=\"module\" src=\"/pages/[a-z]+\\.js\">")
					.doesNotContain("<script>")
					.doesNotContain("style=")
					.doesNotContainPattern(" on[a-z]+="));
		}
	}

	@Test
	void neverStartsASessionForThePages() {
		http().get().uri("/account/").exchange().expectHeader().doesNotExist(HttpHeaders.SET_COOKIE);
	}

}
