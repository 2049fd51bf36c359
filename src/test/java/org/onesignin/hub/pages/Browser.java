package org.onesignin.hub.pages;

import java.time.Duration;
import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A person or an agent at a real Chromium, in the words of the pages: open a page, sign
 * in on the hub's sign-in page, type into the field a label names, press the button a
 * text names, and wait for what the page says.
 */
final class Browser {

	private static final Duration PATIENCE = Duration.ofSeconds(20);

	private final WebDriver driver;

	private final String base;

	Browser(WebDriver driver, int port) {
		this.driver = driver;
		this.base = "http://127.0.0.1:" + port;
	}

	WebDriver driver() {
		return this.driver;
	}

	/** Opens a page of the hub and, when the sign-in page asks, signs in. */
	Browser openSignedIn(String path, String username, String password) {
		this.driver.get(this.base + path);
		waitUntil(ExpectedConditions.or(ExpectedConditions.urlContains("/login"),
				ExpectedConditions.presenceOfElementLocated(By.cssSelector("main h1"))));
		if (this.driver.getCurrentUrl().contains("/login")) {
			this.driver.findElement(By.id("username")).sendKeys(username);
			this.driver.findElement(By.id("password")).sendKeys(password);
			this.driver.findElement(By.cssSelector("form button[type=submit]")).click();
		}
		waitUntil(ExpectedConditions.urlToBe(this.base + path));
		return this;
	}

	/** Waits until the page's main heading says this. */
	Browser showsHeading(String text) {
		waitUntil(ExpectedConditions.textToBe(By.cssSelector("main h1"), text));
		return this;
	}

	/** The control a section's form names with this API field name. */
	WebElement field(String sectionId, String name) {
		return waitUntil(ExpectedConditions
			.visibilityOfElementLocated(By.cssSelector("#" + sectionId + " [name='" + name + "']")));
	}

	Browser type(String sectionId, String name, String text) {
		WebElement field = field(sectionId, name);
		field.clear();
		field.sendKeys(text);
		return this;
	}

	/** Chooses the option with this text in the section's list the API field names. */
	Browser choose(String sectionId, String name, String option) {
		new Select(field(sectionId, name)).selectByVisibleText(option);
		return this;
	}

	/** Presses the button in the section whose text or label is exactly this. */
	Browser press(String sectionId, String text) {
		WebElement button = waitUntil(ExpectedConditions.elementToBeClickable(By.xpath("//*[@id='" + sectionId
				+ "']//button[normalize-space(.)='" + text + "' or @aria-label='" + text + "']")));
		((JavascriptExecutor) this.driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", button);
		button.click();
		return this;
	}

	/** Waits until the section shows this text somewhere; answers the section's text. */
	String waitForText(String sectionId, String text) {

		By section = By.id(sectionId);
		waitUntil(ExpectedConditions.textToBePresentInElementLocated(section, text));
		return this.driver.findElement(section).getText();
	}

	/** Waits until the page announces this (its status line for screen readers). */
	Browser announces(String text) {
		waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), text));
		return this;
	}

	/** The error shown under a field, after the field is marked invalid. */
	String errorOf(String sectionId, String name) {
		WebElement field = field(sectionId, name);
		waitUntil(ExpectedConditions.attributeToBe(field, "aria-invalid", "true"));
		String describedBy = field.getAttribute("aria-describedby");
		String errorId = List.of(describedBy.split(" "))
			.stream()
			.filter((id) -> id.endsWith("-error"))
			.findFirst()
			.orElseThrow();
		return this.driver.findElement(By.id(errorId)).getText();
	}

	/** Brings an element into view (before a screenshot). */
	Browser scrollTo(String id) {
		((JavascriptExecutor) this.driver).executeScript("document.getElementById(arguments[0]).scrollIntoView()", id);
		return this;
	}

	<T> T waitUntil(java.util.function.Function<? super WebDriver, T> condition) {
		try {
			return new WebDriverWait(this.driver, PATIENCE).until(condition);
		}
		catch (TimeoutException ex) {
			// what the page told its user is the first thing to read in a failure
			List<WebElement> pageError = this.driver.findElements(By.id("page-error"));
			throw new AssertionError(
					"Timed out; the page's error line says: "
							+ (pageError.isEmpty() ? "(none)" : pageError.get(0).getText()) + "; " + ex.getMessage(),
					ex);
		}
	}

}
