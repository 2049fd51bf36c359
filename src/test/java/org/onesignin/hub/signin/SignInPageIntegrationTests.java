package org.onesignin.hub.signin;

import java.net.URI;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.onesignin.hub.support.HubIntegrationTest;
import org.onesignin.hub.support.RegistrationInput;
import org.onesignin.hub.support.SignInFlow;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hub's sign-in page as a browser without JavaScript uses it: sent there by an
 * authorize request, it names the service, checks the password through Spring Security
 * and continues the authorize request; a failure says the same whatever was wrong.
 */
class SignInPageIntegrationTests extends HubIntegrationTest {

	private static final String CALLBACK = "http://127.0.0.1:9999/callback";

	private static final Pattern CSRF = Pattern.compile("<input[^>]*name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

	@Test
	void namesTheServiceWhoseAuthorizeRequestStartedTheSignIn() {
		Browser browser = new Browser();

		String page = browser.authorizeThrough("sony-music").signInPage();

		assertThat(page).contains("Sign in to Sony Music with your One Sign In")
			.contains("<html lang=\"en\">")
			.contains("<title>")
			.containsPattern("<label for=\"username\">")
			.containsPattern("<input id=\"username\" name=\"username\" type=\"email\" autocomplete=\"username\"")
			.containsPattern("<label for=\"password\">")
			.containsPattern(
					"<input id=\"password\" name=\"password\" type=\"password\" autocomplete=\"current-password\"")
			.containsPattern("<form method=\"post\" action=\"/login\"")
			.containsPattern("<button type=\"submit\">");
		assertThat(CSRF.matcher(page).find()).isTrue();
	}

	@Test
	void namesTheSupportConsoleForStaffTooling() {
		Browser browser = new Browser();

		String page = browser.authorizeThrough("support-console").signInPage();

		assertThat(page).contains("Sign in to the support console with your One Sign In");
	}

	@Test
	void namesMySonyForTheAccountPages() {
		Browser browser = new Browser();

		String page = browser.authorizeThrough("account-pages").signInPage();

		assertThat(page).contains("Sign in to My Sony with your One Sign In");
	}

	@Test
	void namesNoServiceWhenNoAuthorizeRequestStartedTheSignIn() {
		Browser browser = new Browser();

		String page = browser.signInPage();

		assertThat(page).contains("Sign in with your One Sign In").doesNotContain("Sign in to");
	}

	@Test
	void saysTheSameForAWrongPasswordAndAnUnknownEmail() {
		String email = uniqueEmail();
		registerThrough("sony-music", email, Map.of("givenName", "Ada"));
		Browser wrongPassword = new Browser().authorizeThrough("sony-music");
		Browser unknownEmail = new Browser().authorizeThrough("sony-music");

		String afterWrongPassword = wrongPassword.signIn(email, "not the password");
		String afterUnknownEmail = unknownEmail.signIn(uniqueEmail(), RegistrationInput.PASSWORD);

		assertThat(afterWrongPassword).contains("The email or password is not right")
			.containsPattern("role=\"alert\"[^>]*>The email or password is not right")
			.doesNotContain(email);
		assertThat(withoutCsrfToken(afterUnknownEmail)).isEqualTo(withoutCsrfToken(afterWrongPassword));
	}

	@Test
	void refusesAPostWithoutTheCsrfTokenAndSignsNobodyIn() {
		String email = uniqueEmail();
		registerThrough("sony-music", email, Map.of("givenName", "Ada"));
		Browser browser = new Browser().authorizeThrough("sony-music");
		browser.signInPage();

		EntityExchangeResult<String> refused = browser.post("/login",
				BodyInserters.fromFormData("username", email).with("password", RegistrationInput.PASSWORD));

		assertThat(refused.getStatus()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(browser.authorizeLocation("sony-music").getPath()).isEqualTo("/login");
	}

	@Test
	void continuesTheAuthorizeRequestAfterTheRightPassword() {
		String email = uniqueEmail();
		registerThrough("sony-music", email, Map.of("givenName", "Ada"));
		Browser browser = new Browser().authorizeThrough("sony-music");
		String csrf = csrfTokenOf(browser.signInPage());

		URI next = browser.redirectOf(browser.post("/login",
				BodyInserters.fromFormData("username", email)
					.with("password", RegistrationInput.PASSWORD)
					.with("_csrf", csrf)));
		URI callback = browser.redirectOf(browser.get(next.toString()));

		assertThat(next.getPath()).isEqualTo("/oauth2/authorize");
		assertThat(callback.toString()).startsWith(CALLBACK + "?code=").endsWith("&state=s1");
	}

	@Test
	void forbidsFramingAndInlineScriptAndLetsTheFormReachOnlyTheHubAndTheClient() {
		Browser browser = new Browser().authorizeThrough("sony-music");

		EntityExchangeResult<String> page = browser.get("/login");

		assertThat(page.getStatus()).isEqualTo(HttpStatus.OK);
		HttpHeaders headers = page.getResponseHeaders();
		assertThat(headers.getFirst("X-Frame-Options")).isEqualTo("DENY");
		assertThat(headers.getFirst("Content-Security-Policy")).contains("default-src 'self'")
			.contains("frame-ancestors 'none'")
			.endsWith("form-action 'self' http://127.0.0.1:9999")
			.doesNotContain("unsafe-inline");
		assertThat(page.getResponseBody()).doesNotContain("<script").doesNotContain(" style=");
	}

	@Test
	void letsTheFormReachOnlyTheHubWhenNoClientIsWaiting() {
		String policy = http().get()
			.uri("/login")
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(String.class)
			.getResponseHeaders()
			.getFirst("Content-Security-Policy");

		assertThat(policy).endsWith("form-action 'self'");
	}

	@Test
	void servesItsStylesheetWithoutASignIn() {
		http().get()
			.uri("/sign-in/sign-in.css")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.valueOf("text/css"));
	}

	@Test
	void saysThePersonIsSignedOutAfterASignOut() {
		String page = new Browser().signInPage("/login?logout");

		assertThat(page).contains("You are signed out.").doesNotContain("not right");
	}

	private static String csrfTokenOf(String page) {
		Matcher matcher = CSRF.matcher(page);
		assertThat(matcher.find()).as("a _csrf hidden input").isTrue();
		return matcher.group(1);
	}

	private static String withoutCsrfToken(String page) {
		return CSRF.matcher(page).replaceAll("<input name=\"_csrf\" value=\"\"");
	}

	/** A browser without JavaScript: keeps its session cookie and follows no redirect. */
	private final class Browser {

		private String session;

		Browser authorizeThrough(String clientId) {
			URI location = authorizeLocation(clientId);
			assertThat(location.getPath()).as(location::toString).isEqualTo("/login");
			return this;
		}

		URI authorizeLocation(String clientId) {
			StringBuilder uri = new StringBuilder("/oauth2/authorize?response_type=code&client_id=").append(clientId)
				.append("&redirect_uri=")
				.append(CALLBACK)
				.append("&scope=openid&state=s1");
			// PKCE, which the hub asks of confidential clients too (no code is exchanged
			// here, so the verifier is never shown)
			uri.append("&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256");
			return redirectOf(get(uri.toString()));
		}

		String signInPage() {
			return signInPage("/login");
		}

		String signInPage(String uri) {
			EntityExchangeResult<String> page = get(uri);
			assertThat(page.getStatus()).as(() -> String.valueOf(page.getResponseHeaders().getLocation()))
				.isEqualTo(HttpStatus.OK);
			return page.getResponseBody();
		}

		/** Posts the form as it is on the page, then reads the page the post leads to. */
		String signIn(String email, String password) {
			String csrf = csrfTokenOf(signInPage());
			URI next = redirectOf(post("/login",
					BodyInserters.fromFormData("username", email).with("password", password).with("_csrf", csrf)));
			assertThat(next.getPath() + "?" + next.getQuery()).isEqualTo("/login?error");
			return signInPage(next.toString());
		}

		URI redirectOf(EntityExchangeResult<String> response) {
			assertThat(response.getStatus()).isEqualTo(HttpStatus.FOUND);
			return response.getResponseHeaders().getLocation();
		}

		EntityExchangeResult<String> get(String uri) {
			// as sent: a Location is already encoded
			URI target = URI.create(uri).isAbsolute() ? URI.create(uri) : URI.create("http://127.0.0.1:" + port + uri);
			return remember(http().get().uri(target).accept(MediaType.TEXT_HTML).headers(this::sendSession).exchange());
		}

		EntityExchangeResult<String> post(String path, BodyInserters.FormInserter<String> form) {
			return remember(http().post()
				.uri(path)
				.accept(MediaType.TEXT_HTML)
				.contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.headers(this::sendSession)
				.body(form)
				.exchange());
		}

		private void sendSession(HttpHeaders headers) {
			if (this.session != null) {
				headers.add(HttpHeaders.COOKIE, SignInFlow.Browser.SESSION_COOKIE + "=" + this.session);
			}
		}

		private EntityExchangeResult<String> remember(WebTestClient.ResponseSpec response) {
			EntityExchangeResult<String> result = response.expectBody(String.class).returnResult();
			ResponseCookie session = result.getResponseCookies().getFirst(SignInFlow.Browser.SESSION_COOKIE);
			if (session != null) {
				this.session = session.getValue();
			}
			return result;
		}

	}

}
