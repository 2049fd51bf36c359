package org.onesignin.hub.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import static org.assertj.core.api.Assertions.fail;

/**
 * Debian's Chromium, headless, driven through its chromedriver (packages {@code chromium}
 * and {@code chromium-driver}): nothing is downloaded at run time. Without them the
 * browser tests are skipped, unless {@code HUB_BROWSER_TESTS=required} (as
 * {@code .ci/run} sets it) makes a missing browser a failure.
 */
public final class Chromium {

	private static final Path BROWSER = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));

	private static final Path DRIVER = Path.of(System.getenv().getOrDefault("CHROMEDRIVER", "/usr/bin/chromedriver"));

	private Chromium() {
	}

	/**
	 * A new browser with an empty profile in {@code folder}/profile, saving downloads
	 * into {@code folder}/downloads, and keeping the console's messages.
	 */
	public static ChromeDriver start(Path folder) {
		if (!Files.isExecutable(BROWSER) || !Files.isExecutable(DRIVER)) {
			String missing = "No Chromium at " + BROWSER + " with its driver at " + DRIVER
					+ ": apt-get install chromium chromium-driver";
			if ("required".equals(System.getenv("HUB_BROWSER_TESTS"))) {
				fail(missing);
			}
			Assumptions.abort(missing);
		}
		Path profile = folder.resolve("profile");
		Path downloads = folder.resolve("downloads");
		try {
			Files.createDirectories(profile);
			Files.createDirectories(downloads);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		ChromeOptions options = new ChromeOptions().setBinary(BROWSER.toFile())
			// as root, without a GPU, without background calls a closed network refuses
			.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
					"--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
					"--disable-sync", "--disable-extensions", "--window-size=1280,1000", "--lang=en-GB",
					"--user-data-dir=" + profile);
		options.setExperimentalOption("prefs",
				Map.of("download.default_directory", downloads.toString(), "download.prompt_for_download", false));
		options.setExperimentalOption("excludeSwitches", List.of("enable-automation"));
		// the console's messages, where a Content-Security-Policy refusal shows
		options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
			.usingAnyFreePort()
			.withTimeout(Duration.ofSeconds(30))
			.build();
		ChromeDriver driver = new ChromeDriver(service, options);
		driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
		return driver;
	}

}
