package org.onesignin.hub.pages;

import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.onesignin.hub.support.Chromium;
import org.onesignin.hub.support.HubIntegrationTest;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of the tests that drive the hub's pages in a real Chromium: one new browser per
 * test, and after each test no Content-Security-Policy refusal and no script error in the
 * browser's console.
 */
abstract class BrowserIntegrationTest extends HubIntegrationTest {

	@TempDir
	Path browserFolder;

	protected WebDriver driver;

	protected Browser browser;

	@BeforeEach
	void openBrowser() {
		this.driver = Chromium.start(this.browserFolder);
		this.browser = new Browser(this.driver, this.port);
	}

	@AfterEach
	void closeBrowser() {
		if (this.driver == null) {
			return;
		}
		try {
			List<String> problems = this.driver.manage()
				.logs()
				.get(LogType.BROWSER)
				.getAll()
				.stream()
				.filter((entry) -> entry.getLevel().intValue() >= Level.SEVERE.intValue()
						|| entry.getMessage().contains("Content Security Policy"))
				.map(LogEntry::getMessage)
				// an HTTP refusal the page handled is not a fault
				.filter((message) -> !message.contains("the server responded with a status of"))
				.toList();
			assertThat(problems).as("script errors or CSP refusals in the browser's console").isEmpty();
		}
		finally {
			this.driver.quit();
		}
	}

	protected Path downloads() {
		return this.browserFolder.resolve("downloads");
	}

}
