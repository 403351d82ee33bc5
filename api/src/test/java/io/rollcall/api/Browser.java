package io.rollcall.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium for browser tests: Debian's {@code chromium} and
 * {@code chromium-driver} (the README says how to install them), driven by Selenium with
 * both paths given, so Selenium Manager never tries to download a browser. Each browser
 * has a fresh profile, resolves no host name but loopback (so a page that reached for a
 * CDN would fail, not pass by luck), and keeps the page's console for
 * {@link #consoleErrors()}. A test fails, never skips, when Chromium is missing.
 */
public final class Browser implements AutoCloseable {

	static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	private static final Path SCREENSHOTS = Path.of("target", "browser");

	private final ChromeDriver driver;

	private final Path profile;

	private Browser(ChromeDriver driver, Path profile) {
		this.driver = driver;
		this.profile = profile;
	}

	/** Starts a headless Chromium. */
	public static Browser start() {
		if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
			throw new IllegalStateException("Browser tests need " + CHROMIUM + " and " + CHROMEDRIVER
					+ ": apt-get install chromium chromium-driver (see the README)");
		}
		Path profile;
		try {
			profile = Files.createTempDirectory("rollcall-chromium-");
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--no-first-run",
				"--window-size=1400,900", "--user-data-dir=" + profile,
				"--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1");
		LoggingPreferences logs = new LoggingPreferences();
		logs.enable(LogType.BROWSER, Level.ALL);
		options.setCapability("goog:loggingPrefs", logs);
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		return new Browser(new ChromeDriver(service, options), profile);
	}

	public WebDriver driver() {
		return driver;
	}

	/** Runs {@code script} in the page and returns its result. */
	public Object script(String script, Object... arguments) {
		return ((JavascriptExecutor) driver).executeScript(script, arguments);
	}

	/**
	 * Waits (30 s at most) until {@code condition} returns neither null nor false. An
	 * element the page replaced while the condition read it (a panel re-rendered by a
	 * live update) counts as not yet: the condition is asked again.
	 */
	public <T> T waitUntil(Function<WebDriver, T> condition) {
		return new WebDriverWait(driver, Duration.ofSeconds(30)).ignoring(StaleElementReferenceException.class)
			.until(condition);
	}

	/** The page's console messages at level SEVERE (errors, CSP violations) so far. */
	public List<String> consoleErrors() {
		return driver.manage()
			.logs()
			.get(LogType.BROWSER)
			.getAll()
			.stream()
			.filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
			.map(LogEntry::getMessage)
			.toList();
	}

	/** Every URL the page has loaded so far (the Resource Timing API's entries). */
	public List<String> loadedUrls() {
		Object urls = script("return performance.getEntriesByType('resource').map(entry => entry.name)"
				+ ".concat([location.href])");
		return ((List<?>) urls).stream().map(String::valueOf).toList();
	}

	/** Saves a screenshot as {@code target/browser/<name>.png}. */
	public Path screenshot(String name) {
		try {
			Files.createDirectories(SCREENSHOTS);
			Path file = SCREENSHOTS.resolve(name + ".png");
			Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
			return file;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	@Override
	public void close() {
		try {
			driver.quit();
		}
		finally {
			try (Stream<Path> files = Files.walk(profile)) {
				files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
			}
			catch (IOException e) {
				// A leftover temporary profile is harmless.
			}
		}
	}

}
