package org.onesignin.hub.pages;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onesignin.hub.support.FeedEvent;
import org.onesignin.hub.support.LinkedAccountView;
import org.openqa.selenium.By;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.onesignin.hub.support.RegistrationInput.PASSWORD;
import static org.onesignin.hub.support.ServiceAccount.aServiceAccount;

/**
 * The support console at {@code /support/} in a real Chromium: a demo agent of Sony
 * Europe signs in on the hub's sign-in page and acts on a customer's request under a
 * ticket; every outcome is checked through the API.
 */
class SupportConsoleBrowserIntegrationTests extends BrowserIntegrationTest {

	private static final String AGENT = "agent@sony-europe.example";

	private static final String AGENT_PASSWORD = "support-password-1";

	private String email;

	private String customerId;

	@BeforeEach
	void registerAPerson() {
		this.email = uniqueEmail();
		this.customerId = registerThrough("my-sony", this.email,
				Map.of("givenName", "Ada", "familyName", "Lovelace", "country", "GB"));
	}

	private Browser agentSignedIn() {
		return this.browser.openSignedIn("/support/", AGENT, AGENT_PASSWORD).showsHeading("Support console");
	}

	private void openCustomer(String ticket) {
		this.browser.type("content", "ticket", ticket).type("search", "email", this.email).press("search", "Search");
		this.browser.press("search", "Open " + this.email);
		this.browser.waitForText("customer", "Customer " + this.email);
	}

	@Test
	void searchesOnlyWithATicketAndLogsItForTheCustomer() {
		agentSignedIn().type("search", "email", this.email).press("search", "Search");

		assertThat(this.browser.errorOf("content", "ticket")).contains("ticket reference");
		assertThat(this.driver.findElements(By.cssSelector("#search table"))).isEmpty();

		this.browser.type("content", "ticket", "T-1001").press("search", "Search");

		this.browser.waitForText("search", this.email);
		this.browser.press("search", "Open " + this.email).waitForText("customer", "Customer " + this.email);
		assertThat(asAccountHolder(this.customerId).documentName("account-pages/myAccessLog")
			.variable("first", 20)
			.execute()
			.path("me.accessLog.edges[*].node.ticket")
			.entityList(String.class)
			.get()).contains("T-1001");
		PageChecks.scan(this.driver, "the support console with a customer open");
		this.browser.scrollTo("customer");
		PageChecks.screenshot(this.driver, "support-customer");
	}

	@Test
	void correctsDetailsThatReachTheCustomersServices() {
		agentSignedIn();
		openCustomer("T-1002");

		this.browser.type("customer", "familyName", "King").press("customer", "Save corrections");

		this.browser.announces("The corrections are saved");
		await().atMost(Duration.ofSeconds(15))
			.untilAsserted(() -> assertThat(wholeFeedEvents("my-sony", this.customerId)).map(FeedEvent::data)
				.anySatisfy((data) -> assertThat(data).containsEntry("familyName", "King")));
	}

	@Test
	void cancelsItsOwnCompanysServiceAndNamesTheControllerOfOthers() {
		link(this.customerId, aServiceAccount().at("playstation-network").withId("psn-" + this.customerId));
		agentSignedIn();
		openCustomer("T-1003");

		this.browser.choose("customer", "serviceId", "PlayStation Network (Sony Interactive Entertainment LLC)")
			.press("customer", "Cancel the account");

		assertThat(this.browser.waitForText("customer",
				"Only Sony Interactive Entertainment LLC can cancel the customer's PlayStation Network account"))
			.contains("Contact PlayStation support", "privacy@sony-interactive.example");
		PageChecks.scan(this.driver, "the support console naming another controller");
		this.browser.choose("customer", "serviceId", "My Sony (Sony Europe B.V.)")
			.press("customer", "Cancel the account");

		this.browser.announces("The customer's My Sony account is cancelled");
		assertThat(linkedAccountsOf(this.customerId)).filteredOn((link) -> link.serviceId().equals("my-sony"))
			.map(LinkedAccountView::status)
			.containsExactly("CANCELLED");
		assertThat(linkedAccountsOf(this.customerId))
			.filteredOn((link) -> link.serviceId().equals("playstation-network"))
			.map(LinkedAccountView::status)
			.containsExactly("ACTIVE");
	}

	@Test
	void recordsAChoiceGivenByPhoneThatTheContactCheckFollows() {
		agentSignedIn();
		openCustomer("T-1004");

		this.browser.press("customer", "Check");
		this.browser.waitForText("customer", "Not allowed: the customer has not given consent.");
		this.browser.press("customer", "Record the choice").announces("The customer's choice is recorded");
		this.browser.press("customer", "Check");

		this.browser.waitForText("customer", "Allowed.");
		assertThat(asAccountHolder(this.customerId).documentName("account-pages/myConsentHistory")
			.variable("first", 20)
			.execute()
			.path("me.consentHistory.edges[*].node.source")
			.entityList(String.class)
			.get()).isEqualTo(List.of("SUPPORT"));
	}

	@Test
	void tellsAPersonWhoSignsInThatTheConsoleIsForAgents() {
		this.browser.openSignedIn("/support/", this.email, PASSWORD);

		this.browser.showsHeading("This console is for support agents");
	}

}
