package org.onesignin.hub.support;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.onesignin.hub.shared.Sha256;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.util.UriBuilder;
import org.springframework.web.util.UriComponentsBuilder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A person's sign-in through a client as a browser and the client's back end do it: the
 * authorization code flow with PKCE against the running hub ({@code /oauth2/authorize},
 * the sign-in page, the code at the redirect URI, {@code /oauth2/token}). For example
 * {@code SignInFlow.through("account-pages").scopes("openid", "email").signIn(email,
 * password).obtainFrom(http)} returns the token response.
 */
public final class SignInFlow {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

	private static final SecureRandom RANDOM = new SecureRandom();

	private final String clientId;

	private String secret;

	private String redirectUri = "http://127.0.0.1:8765/callback";

	private List<String> scopes = List.of("openid");

	private String username;

	private String password;

	private Browser browser = new Browser();

	private SignInFlow(String clientId) {
		this.clientId = clientId;
	}

	/** A sign-in through the client with this id. */
	public static SignInFlow through(String clientId) {
		return new SignInFlow(clientId);
	}

	/** A confidential client's secret, shown at the token endpoint (HTTP Basic). */
	public SignInFlow withSecret(String secret) {
		this.secret = secret;
		return this;
	}

	/** The registered redirect URI the code comes back to (a loopback one by default). */
	public SignInFlow redirectTo(String redirectUri) {
		this.redirectUri = redirectUri;
		return this;
	}

	public SignInFlow scopes(String... scopes) {
		this.scopes = List.of(scopes);
		return this;
	}

	/**
	 * Runs in this browser: its sign-in session carries over from flow to flow (and from
	 * instance to instance), as One Sign In promises.
	 */
	public SignInFlow in(Browser browser) {
		this.browser = browser;
		return this;
	}

	/** The person's username (sign-in email) and password at the sign-in page. */
	public SignInFlow signIn(String username, String password) {
		this.username = username;
		this.password = password;
		return this;
	}

	/**
	 * Runs the whole flow and returns the token endpoint's response, which must be 200.
	 */
	public Map<String, Object> obtainFrom(WebTestClient http) {
		return obtainFrom(http, http);
	}

	/**
	 * The flow with the browser's steps at one instance and the code redeemed at another:
	 * the sign-in page only if the browser has no sign-in session yet.
	 */
	public Map<String, Object> obtainFrom(WebTestClient authorizeAt, WebTestClient redeemAt) {
		return redeem(redeemAt, codeFrom(authorizeAt)).expectStatus()
			.isOk()
			.expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.returnResult()
			.getResponseBody();
	}

	/**
	 * The browser's steps only: the code the hub sends to the redirect URI, not redeemed
	 * yet (the sign-in page only if the browser has no sign-in session yet).
	 */
	public Code codeFrom(WebTestClient http) {
		String verifier = randomValue();
		String state = randomValue();
		URI next = authorize(http, verifier, state);
		if ("/login".equals(next.getPath())) {
			assertThat(this.username).as("the browser has no sign-in session: sign in").isNotNull();
			String csrf = csrfOf(this.browser.page(http, next));
			URI back = this.browser.postForm(http, next,
					Map.of("username", this.username, "password", this.password, "_csrf", csrf));
			next = this.browser.get(http, (uri) -> back);
		}
		assertThat(next.toString()).startsWith(this.redirectUri);
		Map<String, String> parameters = UriComponentsBuilder.fromUri(next).build().getQueryParams().toSingleValueMap();
		assertThat(parameters).containsEntry("state", state).containsKey("code");
		return new Code(parameters.get("code"), verifier, this.redirectUri);
	}

	/**
	 * This client (with its secret, if any) redeems the code at the token endpoint; a
	 * null verifier is left out.
	 */
	public WebTestClient.ResponseSpec redeem(WebTestClient http, Code code) {
		BodyInserters.FormInserter<String> form = BodyInserters.fromFormData("grant_type", "authorization_code")
			.with("code", code.code())
			.with("redirect_uri", code.redirectUri())
			.with("client_id", this.clientId);
		if (code.verifier() != null) {
			form.with("code_verifier", code.verifier());
		}
		return http.post()
			.uri("/oauth2/token")
			.headers(this::authenticateClient)
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(form)
			.exchange();
	}

	/** Whether an authorize request of this client is sent to the sign-in page. */
	public boolean asksToSignIn(WebTestClient http) {
		return "/login".equals(authorize(http, randomValue(), randomValue()).getPath());
	}

	private URI authorize(WebTestClient http, String verifier, String state) {
		return this.browser.get(http,
				(uri) -> uri.path("/oauth2/authorize")
					.queryParam("response_type", "code")
					.queryParam("client_id", this.clientId)
					.queryParam("redirect_uri", this.redirectUri)
					.queryParam("scope", String.join(" ", this.scopes))
					.queryParam("state", state)
					.queryParam("code_challenge", challengeOf(verifier))
					.queryParam("code_challenge_method", "S256")
					.build());
	}

	/**
	 * A refresh at the token endpoint: a public client shows its id only (secret null), a
	 * confidential one its secret with HTTP Basic.
	 */
	public static WebTestClient.ResponseSpec refresh(WebTestClient http, String clientId, String secret,
			String refreshToken) {
		return http.post().uri("/oauth2/token").headers((headers) -> {
			if (secret != null) {
				headers.setBasicAuth(clientId, secret);
			}
		})
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(BodyInserters.fromFormData("grant_type", "refresh_token")
				.with("refresh_token", refreshToken)
				.with("client_id", clientId))
			.exchange();
	}

	private void authenticateClient(HttpHeaders headers) {
		if (this.secret != null) {
			headers.setBasicAuth(this.clientId, this.secret);
		}
	}

	private static String csrfOf(String page) {
		Matcher matcher = CSRF.matcher(page);
		assertThat(matcher.find()).as("a _csrf field on the sign-in page").isTrue();
		return matcher.group(1);
	}

	private static String randomValue() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	private static String challengeOf(String verifier) {
		return Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(Sha256.digest().digest(verifier.getBytes(StandardCharsets.US_ASCII)));
	}

	/** A code as it came back to the redirect URI, with its verifier. */
	public record Code(String code, String verifier, String redirectUri) {
	}

	/**
	 * A browser's share of the flow: its sign-in session cookie, carried from step to
	 * step and from instance to instance.
	 */
	public static final class Browser {

		/** The sign-in session cookie's name. */
		public static final String SESSION_COOKIE = "HUB_SESSION";

		private String session = "none-" + UUID.randomUUID();

		/**
		 * RP-initiated logout with the ID token as hint; returns where the hub sends the
		 * browser.
		 */
		public URI signOut(WebTestClient http, String idToken, String postLogoutRedirectUri) {
			return get(http,
					(uri) -> uri.path("/connect/logout")
						.queryParam("id_token_hint", idToken)
						.queryParam("post_logout_redirect_uri", postLogoutRedirectUri)
						.build());
		}

		/** GETs the URI, expecting a redirect, and returns where it leads. */
		URI get(WebTestClient http, Function<UriBuilder, URI> uri) {
			return redirect(http.get()
				.uri(uri)
				.accept(MediaType.TEXT_HTML)
				.cookie(SESSION_COOKIE, this.session)
				.exchange()
				.expectStatus()
				.is3xxRedirection()
				.expectBody()
				.returnResult());
		}

		/**
		 * GETs the URI as a browser opens an address and returns the answer, whatever it
		 * is (a redirect is not followed).
		 */
		public EntityExchangeResult<String> open(WebTestClient http, Function<UriBuilder, URI> uri) {
			EntityExchangeResult<String> result = http.get()
				.uri(uri)
				.accept(MediaType.TEXT_HTML)
				.cookie(SESSION_COOKIE, this.session)
				.exchange()
				.expectBody(String.class)
				.returnResult();
			keepSession(result);
			return result;
		}

		/**
		 * Opens the page at the URI and submits its form with these fields (and the
		 * page's CSRF token) to {@code action}, as a person fills it in; returns the
		 * answer, whatever it is.
		 */
		public EntityExchangeResult<String> fillIn(WebTestClient http, String page, String action,
				Map<String, String> fields) {
			String[] parts = page.split("\\?", 2);
			EntityExchangeResult<String> opened = open(http,
					(uri) -> ((parts.length > 1) ? uri.path(parts[0]).query(parts[1]) : uri.path(parts[0])).build());
			assertThat(opened.getStatus().value()).isEqualTo(200);
			BodyInserters.FormInserter<String> body = BodyInserters.fromFormData("_csrf",
					csrfOf(opened.getResponseBody()));
			fields.forEach(body::with);
			EntityExchangeResult<String> result = http.post()
				.uri(action)
				.accept(MediaType.TEXT_HTML)
				.cookie(SESSION_COOKIE, this.session)
				.contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.body(body)
				.exchange()
				.expectBody(String.class)
				.returnResult();
			keepSession(result);
			return result;
		}

		String page(WebTestClient http, URI uri) {
			EntityExchangeResult<String> result = open(http, (builder) -> uri);
			assertThat(result.getStatus().value()).isEqualTo(200);
			return result.getResponseBody();
		}

		URI postForm(WebTestClient http, URI uri, Map<String, String> form) {
			BodyInserters.FormInserter<String> body = null;
			for (Map.Entry<String, String> field : form.entrySet()) {
				body = (body != null) ? body.with(field.getKey(), field.getValue())
						: BodyInserters.fromFormData(field.getKey(), field.getValue());
			}
			return redirect(http.post()
				.uri(uri)
				.accept(MediaType.TEXT_HTML)
				.cookie(SESSION_COOKIE, this.session)
				.contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.body(body)
				.exchange()
				.expectStatus()
				.is3xxRedirection()
				.expectBody()
				.returnResult());
		}

		private URI redirect(EntityExchangeResult<?> result) {
			keepSession(result);
			URI location = result.getResponseHeaders().getLocation();
			assertThat(location).isNotNull();
			return location;
		}

		private void keepSession(EntityExchangeResult<?> result) {
			ResponseCookie cookie = result.getResponseCookies().getFirst(SESSION_COOKIE);
			if (cookie != null) {
				this.session = cookie.getValue();
			}
		}

	}

}
