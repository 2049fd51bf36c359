package org.onesignin.hub.pages;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Collectors;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every browser test can check of a page: an axe-core scan (WCAG 2.1 A and AA rules
 * and best practices) with no serious or critical violation, and a screenshot saved under
 * {@code target/screenshots/} (the README shows copies of them from {@code docs/}).
 */
final class PageChecks {

	static final Path SCREENSHOTS = Path.of("target", "screenshots");

	private static final List<String> BLOCKING = List.of("serious", "critical");

	private PageChecks() {
	}

	/** Scans the page as it is now; fails on a serious or critical violation. */
	static Results scan(WebDriver browser, String page) {
		Results results = new AxeBuilder()
			.withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"))
			.analyze(browser);
		assertThat(results.isErrored()).as("axe ran on " + page).isFalse();
		List<Rule> blocking = results.getViolations()
			.stream()
			.filter((rule) -> BLOCKING.contains(rule.getImpact()))
			.toList();
		assertThat(blocking)
			.as("serious or critical accessibility violations on " + page + ": "
					+ blocking.stream().map(PageChecks::describe).collect(Collectors.joining("; ")))
			.isEmpty();
		return results;
	}

	private static String describe(Rule rule) {
		return rule.getId() + " (" + rule.getImpact() + ") at "
				+ rule.getNodes()
					.stream()
					.map((node) -> String.valueOf(node.getTarget()))
					.collect(Collectors.joining(", "));
	}

	/** Saves what the browser shows as target/screenshots/{name}.png. */
	static Path screenshot(WebDriver browser, String name) {
		try {
			Files.createDirectories(SCREENSHOTS);
			Path file = SCREENSHOTS.resolve(name + ".png");
			Files.copy(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(), file,
					StandardCopyOption.REPLACE_EXISTING);
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
