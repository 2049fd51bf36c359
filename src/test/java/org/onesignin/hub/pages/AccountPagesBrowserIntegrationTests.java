package org.onesignin.hub.pages;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onesignin.hub.support.FeedEvent;
import org.onesignin.hub.support.LinkedAccountView;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyInserters;

import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.interactions.Actions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.onesignin.hub.support.RegistrationInput.PASSWORD;
import static org.onesignin.hub.support.ServiceAccount.aServiceAccount;

/**
 * The account pages at {@code /account/} in a real Chromium: a person signs in on the
 * hub's sign-in page (authorization code + PKCE in the page) and manages their account;
 * every outcome is checked through the API as the hub's other callers see it.
 */
class AccountPagesBrowserIntegrationTests extends BrowserIntegrationTest {

	private String email;

	private String accountId;

	@BeforeEach
	void registerAPerson() {
		this.email = uniqueEmail();
		this.accountId = registerThrough("my-sony", this.email,
				Map.of("givenName", "Ada", "familyName", "Lovelace", "country", "GB"));
	}

	private Browser signedIn() {
		return this.browser.openSignedIn("/account/", this.email, PASSWORD).showsHeading("My account");
	}

	@Test
	void savesAnEditedDetailThatReachesTheLinkedServicesFeed() {
		signedIn().type("details", "givenName", "Augusta").press("details", "Save my details");

		this.browser.announces("Your details are saved");
		await().atMost(Duration.ofSeconds(15))
			.untilAsserted(() -> assertThat(wholeFeedEvents("my-sony", this.accountId)).map(FeedEvent::data)
				.anySatisfy((data) -> assertThat(data).containsEntry("givenName", "Augusta")));
		PageChecks.screenshot(this.driver, "account-details");
	}

	@Test
	void showsFieldErrorsAndChangesNothing() {
		int revision = revisionOf(this.accountId);

		signedIn().type("details", "phone", "not a phone").press("details", "Save my details");

		assertThat(this.browser.errorOf("details", "phone")).isNotBlank();
		assertThat(revisionOf(this.accountId)).isEqualTo(revision);
		PageChecks.scan(this.driver, "account pages with a field error");
	}

	@Test
	void showsAStaleRevisionFromASecondTabInsteadOfOverwriting() {
		signedIn();
		changeInASecondTab("Grace");

		this.browser.type("details", "familyName", "Byron").press("details", "Save my details");

		assertThat(this.browser.waitForText("details", "changed elsewhere — reload")).isNotEmpty();
		Map<String, Object> details = asAccountHolder(this.accountId).documentName("account-pages/me")
			.execute()
			.path("me.basicDetails")
			.entity(Map.class)
			.get();
		assertThat(details).containsEntry("givenName", "Grace").containsEntry("familyName", "Lovelace");
		this.browser.press("details", "Reload my details").announces("Your details are reloaded");
		assertThat(this.browser.field("details", "givenName").getAttribute("value")).isEqualTo("Grace");
	}

	@Test
	void savesDetailsOnlyAgainstTheRevisionTheFormShowsEvenAfterOtherSectionsReloaded() {
		signedIn();
		changeInASecondTab("Grace");
		// another section reads the account again (and so its newer revision)
		this.browser.press("services", "Cancel My Sony account").press("services", "Cancel my My Sony account");
		this.browser.announces("Your My Sony account is cancelled");

		this.browser.type("details", "phone", "+442079460958").press("details", "Save my details");

		this.browser.waitForText("details", "changed elsewhere — reload");
		assertThat(asAccountHolder(this.accountId).documentName("account-pages/me")
			.execute()
			.path("me.basicDetails.givenName")
			.entity(String.class)
			.get()).isEqualTo("Grace");
	}

	/** Saves a given name in a second tab, then comes back to the first. */
	private void changeInASecondTab(String givenName) {
		String firstTab = this.driver.getWindowHandle();
		this.driver.switchTo().newWindow(WindowType.TAB);
		// the sign-in session answers the second tab without the password page
		this.browser.openSignedIn("/account/", this.email, PASSWORD).showsHeading("My account");
		this.browser.type("details", "givenName", givenName).press("details", "Save my details");
		this.browser.announces("Your details are saved");
		this.driver.switchTo().window(firstTab);
	}

	@Test
	void withdrawingAnEmailConsentClosesTheContactGate() {
		String allow = "Allow Email to " + this.email + " from Sony Europe B.V.";
		String withdraw = "Withdraw Email to " + this.email + " from Sony Europe B.V.";
		signedIn().press("marketing", allow).announces("Your marketing choice is saved");
		assertThat(mayEmail()).containsEntry("allowed", true);

		this.browser.press("marketing", withdraw);

		// under the company's current privacy policy version, from the registry
		assertThat(this.browser.waitForText("marketing", "Allowed → Withdrawn")).contains("version 2026-01");
		assertThat(mayEmail()).containsEntry("allowed", false).containsEntry("reasons", List.of("WITHDRAWN"));
		this.browser.scrollTo("marketing");
		PageChecks.screenshot(this.driver, "account-marketing");
	}

	private Map<String, Object> mayEmail() {
		return asPartnerService("my-sony").documentName("partner/contactPermission")
			.variable("accountId", this.accountId)
			.variable("companyId", "sony-europe")
			.variable("channel", "EMAIL")
			.variable("address", this.email)
			.variable("purpose", "MARKETING")
			.execute()
			.path("contactPermission")
			.entity(Map.class)
			.get();
	}

	@Test
	void namesTheControllerOfAnotherCompanysServiceAndCancelsItsOwn() {
		link(this.accountId, aServiceAccount().at("playstation-network").withId("psn-" + this.accountId));
		signedIn().press("services", "Cancel PlayStation Network account")
			.press("services", "Cancel my PlayStation Network account");

		String refusal = this.browser.waitForText("services",
				"Only Sony Interactive Entertainment LLC can cancel your PlayStation Network account");
		assertThat(refusal).contains("Contact PlayStation support", "privacy@sony-interactive.example");
		assertThat(statusOf("playstation-network")).isEqualTo("ACTIVE");
		PageChecks.scan(this.driver, "account pages naming another controller");
		this.browser.scrollTo("services");
		PageChecks.screenshot(this.driver, "account-not-controller");

		this.browser.press("services", "Cancel My Sony account").press("services", "Cancel my My Sony account");

		this.browser.announces("Your My Sony account is cancelled");
		assertThat(statusOf("my-sony")).isEqualTo("CANCELLED");
	}

	private String statusOf(String serviceId) {
		return linkedAccountsOf(this.accountId).stream()
			.filter((link) -> link.serviceId().equals(serviceId))
			.map(LinkedAccountView::status)
			.findFirst()
			.orElseThrow();
	}

	@Test
	void worksWithTheKeyboardAloneAndShowsWhereTheFocusIs() {
		signedIn().waitForText("privacy-contacts", "privacy@sony-music.example");
		List<String> reached = new ArrayList<>();
		List<String> unmarked = new ArrayList<>();

		for (int step = 0; step < 400 && !reached.contains("BUTTON Download my data"); step++) {
			new Actions(this.driver).sendKeys(Keys.TAB).perform();
			WebElement focused = this.driver.switchTo().activeElement();
			String name = focused.getTagName().toUpperCase(Locale.ROOT) + " "
					+ (focused.getText().isBlank() ? focused.getAttribute("name") : focused.getText().trim());
			reached.add(name);
			if ("none".equals(focused.getCssValue("outline-style"))) {
				unmarked.add(name);
			}
		}

		assertThat(reached).contains("A Skip to content", "INPUT givenName", "BUTTON Save my details",
				"BUTTON Cancel My Sony account", "BUTTON Download my data");
		assertThat(unmarked).as("controls focused without a visible outline").isEmpty();
		// and a change saved from the keyboard: a field, then Enter
		WebElement givenName = this.browser.field("details", "givenName");
		givenName.clear();
		givenName.sendKeys("Augusta", Keys.ENTER);
		this.browser.announces("Your details are saved");
	}

	@Test
	void refusesAWrongCurrentPasswordOnItsFieldAndChangesAGoodOne() {
		signedIn().type("sign-in", "currentPassword", "not my password")
			.type("sign-in", "newPassword", "a new and better passphrase")
			.press("sign-in", "Change my password");

		assertThat(this.browser.errorOf("sign-in", "currentPassword")).isNotBlank();

		this.browser.type("sign-in", "currentPassword", PASSWORD).press("sign-in", "Change my password");

		this.browser.announces("Your password is changed");
		assertThat(localTokenStatus(this.email, "a new and better passphrase")).isEqualTo(200);
		// invalid_grant: the old password no longer signs in
		assertThat(localTokenStatus(this.email, PASSWORD)).isEqualTo(400);
	}

	/** What the demo's token endpoint answers for a person's credentials. */
	private int localTokenStatus(String username, String password) {
		return http().post()
			.uri("/local/token")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(BodyInserters.fromFormData("client_id", "account-pages")
				.with("username", username)
				.with("password", password))
			.exchange()
			.returnResult(String.class)
			.getStatus()
			.value();
	}

	@Test
	void downloadsTheExport() throws Exception {
		signedIn().press("your-data", "Download my data");

		Path file = downloads().resolve("one-sign-in-data.json");
		await().atMost(Duration.ofSeconds(15)).until(() -> Files.exists(file));
		assertThat(Files.readString(file)).contains(this.accountId, this.email);
	}

	@Test
	void refusesToCloseTheIdentityWhileLinksAreActiveAndListsThem() {
		signedIn().field("your-data", "understood").click();
		this.browser.press("your-data", "Close my One Sign In");

		String refusal = this.browser.waitForText("your-data", "First cancel your accounts on these services");
		assertThat(refusal).contains("My Sony", "Sony Europe B.V.", "privacy@sony-europe.example");
		assertThat(asAccountHolder(this.accountId).documentName("account-pages/me")
			.execute()
			.path("me.status")
			.entity(String.class)
			.get()).isEqualTo("ACTIVE");
	}

	@Test
	void letsTheDemoPersonSignInAndPassesAnAccessibilityScanSignedOutAndIn() {
		this.driver.get("http://127.0.0.1:" + this.port + "/account/");
		this.browser.waitUntil((driver) -> driver.getCurrentUrl().contains("/login"));
		PageChecks.scan(this.driver, "the sign-in page");
		PageChecks.screenshot(this.driver, "sign-in");

		this.driver.get("http://127.0.0.1:" + this.port + "/account/?state=signed-out");
		this.browser.showsHeading("You are signed out.");
		PageChecks.scan(this.driver, "the account pages signed out");

		// the demo person the README names, whom the default run creates
		this.browser.openSignedIn("/account/", "demo@onesignin.example", "a demo passphrase")
			.showsHeading("My account");
		assertThat(this.browser.waitForText("services", "PlayStation Network")).contains("My Sony", "psn-demo");
		this.browser.waitForText("privacy-contacts", "privacy@sony-music.example");

		PageChecks.scan(this.driver, "the account pages");
		PageChecks.screenshot(this.driver, "account");
	}

}
