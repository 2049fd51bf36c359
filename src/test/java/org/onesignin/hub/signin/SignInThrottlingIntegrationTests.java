package org.onesignin.hub.signin;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.onesignin.hub.support.HubIntegrationTest;
import org.onesignin.hub.support.RegistrationInput;
import org.onesignin.hub.support.SignInFlow;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.web.reactive.function.BodyInserters;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Brute-force protection of the person sign-in over HTTP: failures counted per identity
 * and per client address (each test its own address, as a proxy in front of the hub
 * forwards it), the lockout refusing even the right password, answered like any other
 * failure, and the owner's access log showing the failed sign-ins.
 */
class SignInThrottlingIntegrationTests extends HubIntegrationTest {

	private static final int IDENTITY_FAILURES = 5;

	private static final int ADDRESS_FAILURES = 8;

	private static final Pattern CSRF = Pattern.compile("<input[^>]*name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

	private static final AtomicInteger ADDRESSES = new AtomicInteger();

	@DynamicPropertySource
	static void lockout(DynamicPropertyRegistry registry) {
		registry.add("hub.credentials.lockout.identity-failures", () -> IDENTITY_FAILURES);
		registry.add("hub.credentials.lockout.address-failures", () -> ADDRESS_FAILURES);
		registry.add("hub.rate-limits.anonymous.capacity", () -> 3);
		registry.add("hub.rate-limits.anonymous.refill-per-second", () -> 1);
		// the client address as a proxy in front of the hub forwards it
		registry.add("server.forward-headers-strategy", () -> "native");
	}

	@Test
	void refusesTheRightPasswordAfterFiveWrongOnesButNotAnotherIdentityFromTheSameAddress() {
		String email = registered();
		String other = registered();
		String address = anAddress();

		for (int failure = 0; failure < IDENTITY_FAILURES; failure++) {
			assertThat(new Browser(address).signIn(email, "not the password")).isEqualTo("/login?error");
		}
		Browser browser = new Browser(address);

		assertThat(browser.signIn(email, RegistrationInput.PASSWORD)).isEqualTo("/login?error");
		assertThat(browser.page("/login?error")).contains("The email or password is not right");
		assertThat(new Browser(address).signIn(other, RegistrationInput.PASSWORD)).isEqualTo("/");
		assertThat(new Browser(anAddress()).signIn(email, RegistrationInput.PASSWORD)).isEqualTo("/login?error");
	}

	@Test
	void answersALockedIdentityExactlyLikeAnUnknownEmail() {
		String email = registered();
		String unknown = uniqueEmail();
		Browser known = new Browser(anAddress());
		Browser stranger = new Browser(anAddress());

		for (int failure = 0; failure < IDENTITY_FAILURES; failure++) {
			known.signIn(email, "not the password");
			stranger.signIn(unknown, "not the password");
		}

		assertThat(known.signIn(email, RegistrationInput.PASSWORD)).isEqualTo("/login?error");
		assertThat(stranger.signIn(unknown, RegistrationInput.PASSWORD)).isEqualTo("/login?error");
		assertThat(withoutCsrfToken(stranger.page("/login?error")))
			.isEqualTo(withoutCsrfToken(known.page("/login?error")))
			.contains("The email or password is not right");
	}

	@Test
	void refusesEveryoneFromAnAddressAfterItsFailuresOverDifferentEmails() {
		String email = registered();
		String address = anAddress();

		for (int failure = 0; failure < ADDRESS_FAILURES; failure++) {
			new Browser(address).signIn(uniqueEmail(), "not the password");
		}

		assertThat(new Browser(address).signIn(email, RegistrationInput.PASSWORD)).isEqualTo("/login?error");
		assertThat(new Browser(anAddress()).signIn(email, RegistrationInput.PASSWORD)).isEqualTo("/");
	}

	@Test
	void forgetsAnIdentitysFailuresWhenItSignsIn() {
		String email = registered();

		for (int round = 0; round < 2; round++) {
			// an address of its own each round: an address's failures are not forgotten
			String address = anAddress();
			for (int failure = 0; failure < IDENTITY_FAILURES - 1; failure++) {
				new Browser(address).signIn(email, "not the password");
			}
			assertThat(new Browser(address).signIn(email, RegistrationInput.PASSWORD)).isEqualTo("/");
		}
	}

	@Test
	void countsTheLocalTokenSignInAndAnswersItsLockoutWithTheSameInvalidGrant() {
		String email = registered();
		String address = anAddress();

		Map<String, Object> wrong = localToken(address, email, "not the password", HttpStatus.BAD_REQUEST);
		for (int failure = 1; failure < IDENTITY_FAILURES; failure++) {
			localToken(address, email, "not the password", HttpStatus.BAD_REQUEST);
		}
		Map<String, Object> locked = localToken(address, email, RegistrationInput.PASSWORD, HttpStatus.BAD_REQUEST);
		Map<String, Object> unknown = localToken(anAddress(), uniqueEmail(), "not the password",
				HttpStatus.BAD_REQUEST);

		assertThat(wrong).containsEntry("error", "invalid_grant");
		assertThat(locked).isEqualTo(wrong).isEqualTo(unknown);
		assertThat(new Browser(anAddress()).signIn(email, RegistrationInput.PASSWORD))
			.as("the sign-in page shares the count")
			.isEqualTo("/login?error");
	}

	@Test
	void showsTheOwnerTheFailedSignInsInTheirAccessLog() {
		String email = uniqueEmail();
		String id = registerThrough("sony-music", email, Map.of("givenName", "Ada"));
		String address = anAddress();

		new Browser(address).signIn(email, "not the password");
		localToken(address, email, "not the password either", HttpStatus.BAD_REQUEST);

		List<Map<String, Object>> entries = asAccountHolder(id).documentName("account-pages/myAccessLog")
			.variable("first", 100)
			.execute()
			.path("me.accessLog.edges[*].node")
			.entityList(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.get();
		List<Map<String, Object>> failed = entries.stream()
			.filter((entry) -> "SIGN_IN_FAILED".equals(entry.get("action")))
			.toList();
		// at most one entry a minute: two failures within one minute write one
		assertThat(failed).hasSizeBetween(1, 2)
			.allSatisfy((entry) -> assertThat(entry).containsEntry("actorKind", "ANONYMOUS")
				.containsEntry("actorId", "sign-in")
				.containsEntry("ticket", null));
	}

	@Test
	void limitsRefusedClientAuthenticationsAtTheTokenEndpointPerAddress() {
		String address = anAddress();
		// a back end whose client authenticates is never slowed, however often it calls
		for (int call = 0; call < 6; call++) {
			http().post()
				.uri("/oauth2/token")
				.header("X-Forwarded-For", address)
				.headers((headers) -> headers.setBasicAuth("sony-music", "sony-music-secret"))
				.contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.body(BodyInserters.fromFormData("grant_type", "client_credentials"))
				.exchange()
				.expectStatus()
				.isOk();
		}

		List<Integer> statuses = new java.util.ArrayList<>();
		for (int call = 0; call < 10; call++) {
			statuses.add(http().post()
				.uri("/oauth2/token")
				.header("X-Forwarded-For", address)
				.headers((headers) -> headers.setBasicAuth("sony-music", "a guessed secret"))
				.contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.body(BodyInserters.fromFormData("grant_type", "client_credentials"))
				.exchange()
				.returnResult(String.class)
				.getStatus()
				.value());
		}

		assertThat(statuses).startsWith(401).contains(429);
		http().post()
			.uri("/oauth2/token")
			.header("X-Forwarded-For", address)
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(BodyInserters.fromFormData("grant_type", "client_credentials"))
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
			.expectHeader()
			.exists(HttpHeaders.RETRY_AFTER);
	}

	private String registered() {
		String email = uniqueEmail();
		registerThrough("sony-music", email, Map.of("givenName", "Ada"));
		return email;
	}

	/** A client address of its own (TEST-NET-3), so no test counts another's failures. */
	private static String anAddress() {
		int n = ADDRESSES.incrementAndGet();
		return "203.0." + (113 + n / 250) + "." + (1 + n % 250);
	}

	private Map<String, Object> localToken(String address, String email, String password, HttpStatus status) {
		return http().post()
			.uri("/local/token")
			.header("X-Forwarded-For", address)
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(BodyInserters.fromFormData("client_id", "account-pages")
				.with("username", email)
				.with("password", password))
			.exchange()
			.expectStatus()
			.isEqualTo(status)
			.expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.returnResult()
			.getResponseBody();
	}

	private static String withoutCsrfToken(String page) {
		return CSRF.matcher(page).replaceAll("<input name=\"_csrf\" value=\"\"");
	}

	/** A browser behind one client address: keeps its session and follows no redirect. */
	private final class Browser {

		private final String address;

		private String session;

		Browser(String address) {
			this.address = address;
		}

		/** Posts the sign-in form as it is on the page; returns where the post leads. */
		String signIn(String email, String password) {
			Matcher csrf = CSRF.matcher(page("/login"));
			assertThat(csrf.find()).as("a _csrf hidden input").isTrue();
			EntityExchangeResult<String> posted = remember(http().post()
				.uri("/login")
				.header("X-Forwarded-For", this.address)
				.accept(MediaType.TEXT_HTML)
				.contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.headers(this::sendSession)
				.body(BodyInserters.fromFormData("username", email)
					.with("password", password)
					.with("_csrf", csrf.group(1)))
				.exchange()
				.expectBody(String.class)
				.returnResult());
			assertThat(posted.getStatus()).isEqualTo(HttpStatus.FOUND);
			URI next = posted.getResponseHeaders().getLocation();
			return next.getPath() + ((next.getQuery() != null) ? "?" + next.getQuery() : "");
		}

		String page(String uri) {
			EntityExchangeResult<String> page = remember(http().get()
				.uri(uri)
				.header("X-Forwarded-For", this.address)
				.accept(MediaType.TEXT_HTML)
				.headers(this::sendSession)
				.exchange()
				.expectBody(String.class)
				.returnResult());
			assertThat(page.getStatus()).isEqualTo(HttpStatus.OK);
			return page.getResponseBody();
		}

		private void sendSession(HttpHeaders headers) {
			if (this.session != null) {
				headers.add(HttpHeaders.COOKIE, SignInFlow.Browser.SESSION_COOKIE + "=" + this.session);
			}
		}

		private EntityExchangeResult<String> remember(EntityExchangeResult<String> result) {
			ResponseCookie session = result.getResponseCookies().getFirst(SignInFlow.Browser.SESSION_COOKIE);
			if (session != null) {
				this.session = session.getValue();
			}
			return result;
		}

	}

}
