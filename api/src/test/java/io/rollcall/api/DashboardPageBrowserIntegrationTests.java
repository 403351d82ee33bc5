package io.rollcall.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.rollcall.devstack.issuer.DevIssuer;
import io.rollcall.devstack.junit.DevStack;
import io.rollcall.schema.contact.Contact;
import io.rollcall.schema.event.EventType;
import io.rollcall.schema.event.InteractionEvent;
import io.rollcall.schema.fixtures.DashboardOracle;
import io.rollcall.schema.fixtures.DashboardOracle.RepProgress;
import io.rollcall.schema.fixtures.EventGenerator;
import io.rollcall.schema.fixtures.GeneratedTenant;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

/**
 * The dashboard page ({@code /}) in a real headless Chromium that resolves no host but
 * loopback: sign-in with PKCE through the dev issuer's login form, tiles and the rep
 * table equal to the {@link DashboardOracle} for a generated tenant written through the
 * REST api, a tile that moves without a reload when events arrive, a manager who sees
 * team-1 only, a rate-limited panel that says when it retries, and sign-out. One stack is
 * shared by the methods (they run in order; browser tests are slow), so the class resets
 * devstack once itself rather than through {@code @DevStackTest}, which resets before
 * each method. Screenshots of each state: {@code target/browser/dashboard-*.png}; with
 * {@code -Drollcall.readme-screenshot=true} the signed-in admin's view is also written to
 * {@code docs/images/dashboard.png} for the README.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardPageBrowserIntegrationTests {

	private static final String PROGRAM = "prog-0";

	private static final List<String> CATALOG = List.of("lesson-0", "lesson-1", "lesson-2");

	private static final String JSON = "application/json";

	private static RunningStack stack;

	private static DevIssuer issuer;

	private static GeneratedTenant demo;

	private static DashboardOracle oracle;

	@BeforeAll
	static void startStackWithATenant() {
		DevStack devStack = DevStack.global();
		devStack.reset();
		issuer = DevIssuer.global();
		Map<String, Object> properties = new HashMap<>();
		properties.put("rollcall.page.program-id", PROGRAM);
		properties.put("rollcall.page.refresh-interval", "1s");
		// Tenant demo's bucket holds what the page needs, but a few dozen rep pages drain
		// it for a while (see
		// rateLimitedPanelSaysWhenItRetriesAndSignOutForgetsTheToken).
		properties.put("rollcall.limits.tenants.demo.capacity", "20000");
		properties.put("rollcall.limits.tenants.demo.refill-per-second", "20");
		stack = RunningStack.start(devStack, issuer, properties);
		// Recent events, so that the activity panel (the last 14 days) shows them.
		demo = EventGenerator.withSeed(15)
			.reps(120)
			.teams(4)
			.lessonsPerProgram(6)
			.startingAt(Instant.now().minus(12, ChronoUnit.DAYS))
			.generate("demo");
		String admin = adminToken();
		write(admin, "/v1/contacts", demo.contacts());
		write(admin, "/v1/events", demo.events());
		HttpResponse<String> catalog = stack.put("/v1/programs/" + PROGRAM + "?consistency=visible", admin, JSON,
				RunningStack.JSON.writeValueAsString(Map.of("name", "Onboarding", "lessonIds", CATALOG, "dueDate",
						Instant.now().minus(1, ChronoUnit.DAYS).toString())));
		assertThat(catalog.statusCode()).as(catalog.body()).isEqualTo(200);
		oracle = new DashboardOracle().accept(demo.events());
	}

	@AfterAll
	static void stopStack() {
		if (stack != null) {
			stack.close();
		}
	}

	@Test
	@Order(1)
	void adminSignsInWithPkceAndSeesTheOraclesNumbers() {
		try (Browser browser = Browser.start()) {
			signIn(browser, "demo-admin", "demo-admin-password");

			DashboardOracle.ProgramSummary summary = oracle.programSummary(PROGRAM);
			DashboardOracle.Compliance compliance = oracle.compliance(PROGRAM, CATALOG);
			int reps = compliance.compliant().size() + compliance.nonCompliant().size();
			waitForTile(browser, "tile-active-reps", format(summary.activeReps()));
			waitForTile(browser, "tile-events", format(summary.totalEvents()));
			waitForTile(browser, "tile-compliance", format(compliance.compliant().size()) + " / " + format(reps));
			assertThat(detail(browser, "tile-compliance"))
				.contains(format(compliance.nonCompliant().size()) + " overdue");

			List<RepProgress> expected = oracle.repProgress(PROGRAM, Comparator.comparing(RepProgress::contactId));
			browser.waitUntil(driver -> repIds(browser).size() == 20);
			assertThat(repIds(browser))
				.containsExactlyElementsOf(expected.subList(0, 20).stream().map(RepProgress::contactId).toList());
			assertThat(browser.driver().findElement(By.id("reps-count")).getText())
				.isEqualTo(format(expected.size()) + " reps");
			// Sorted by lessons completed, highest first (a second click on the header).
			browser.driver().findElement(By.cssSelector("button[data-sort=LESSONS_COMPLETED]")).click();
			browser.driver().findElement(By.cssSelector("button[data-sort=LESSONS_COMPLETED]")).click();
			List<String> byLessons = oracle
				.repProgress(PROGRAM, Comparator.comparing(RepProgress::lessonsCompleted).reversed())
				.subList(0, 20)
				.stream()
				.map(RepProgress::contactId)
				.toList();
			browser.waitUntil(driver -> repIds(browser).equals(byLessons));
			browser.waitUntil(driver -> chartDrawn(browser, "panel-activity") && chartDrawn(browser, "panel-funnel")
					&& chartDrawn(browser, "panel-video"));
			assertThat(browser.driver().findElements(By.cssSelector("#panel-leaderboard tbody tr"))).hasSize(10);
			assertThat(browser.driver().findElements(By.cssSelector(".panel-message:not([hidden])"))).isEmpty();
			assertThat(browser.consoleErrors()).isEmpty();
			assertThat(browser.loadedUrls()).allSatisfy(
					url -> assertThat(url).satisfiesAnyOf(api -> assertThat(api).startsWith(stack.uri("/").toString()),
							token -> assertThat(token).startsWith(issuer.issuerUri().toString())));
			screenshotForReadme(browser);
			// Only the page's document may connect to the issuer (its token endpoint).
			assertThat(stack.get("/", null).headers().firstValue("Content-Security-Policy").orElseThrow())
				.contains("connect-src 'self' " + issuer.issuerUri() + ";")
				.contains("script-src 'self';");
			assertThat(
					stack.get("/dashboard/app.js", null).headers().firstValue("Content-Security-Policy").orElseThrow())
				.contains("connect-src 'self';");
		}
	}

	@Test
	@Order(2)
	void aTileMovesWithoutAReloadWhenEventsArrive() {
		try (Browser browser = Browser.start()) {
			signIn(browser, "demo-admin", "demo-admin-password");
			DashboardOracle.ProgramSummary before = oracle.programSummary(PROGRAM);
			waitForTile(browser, "tile-active-reps", format(before.activeReps()));
			browser.script("window.rollcallPageMarker = 'not reloaded'");

			List<InteractionEvent> newcomer = List.of(new InteractionEvent("demo-live-1", "demo-newcomer", PROGRAM,
					"lesson-0", EventType.LESSON_STARTED, Instant.now(), null, null, null, null, null, Map.of()));
			HttpResponse<String> accepted = stack.post("/v1/events", adminToken(), JSON,
					RunningStack.JSON.writeValueAsString(newcomer));
			assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
			oracle.accept(newcomer);

			new WebDriverWait(browser.driver(), Duration.ofSeconds(3)).until(ExpectedConditions
				.textToBe(By.cssSelector("#tile-active-reps [data-value]"), format(before.activeReps() + 1)));
			assertThat(browser.script("return window.rollcallPageMarker")).isEqualTo("not reloaded");
			assertThat(value(browser, "tile-events")).isEqualTo(format(before.totalEvents() + 1));
			assertThat(browser.driver().findElement(By.id("live-status")).getText()).isEqualTo("live");
			browser.screenshot("dashboard-live");
		}
	}

	@Test
	@Order(3)
	void managerSeesOnlyTeamOne() {
		Set<String> team1 = demo.contacts()
			.stream()
			.filter(contact -> "team-1".equals(contact.teamId()))
			.map(Contact::contactId)
			.collect(Collectors.toSet());
		DashboardOracle team1Oracle = oracle.restrictedTo(team1);
		try (Browser browser = Browser.start()) {
			signIn(browser, "demo-manager", "demo-manager-password");
			waitForTile(browser, "tile-active-reps", format(team1Oracle.programSummary(PROGRAM).activeReps()));
			List<RepProgress> expected = team1Oracle.repProgress(PROGRAM, Comparator.comparing(RepProgress::contactId));
			browser.waitUntil(driver -> !repIds(browser).isEmpty());
			assertThat(browser.driver().findElement(By.id("reps-count")).getText())
				.isEqualTo(format(expected.size()) + " reps");
			assertThat(repIds(browser))
				.containsExactlyElementsOf(expected.subList(0, 20).stream().map(RepProgress::contactId).toList());
			assertThat(browser.driver().findElements(By.cssSelector("#rep-table tbody tr td:nth-child(4)")))
				.extracting(WebElement::getText)
				.containsOnly("team-1");
			assertThat(browser.driver().findElement(By.id("who")).getText()).contains("manager").contains("team-1");
			browser.screenshot("dashboard-manager");
		}
	}

	@Test
	@Order(4)
	void rateLimitedPanelSaysWhenItRetriesAndSignOutForgetsTheToken() {
		try (Browser browser = Browser.start()) {
			signIn(browser, "demo-admin", "demo-admin-password");
			browser.waitUntil(driver -> repIds(browser).size() == 20);
			// Another client of the tenant drains the tenant's bucket with pages as large
			// as
			// the page's, until one is refused: the page's next one is refused too.
			String admin = adminToken();
			browser.waitUntil(driver -> stack.graphQl(admin, "repProgress", Map.of("programId", PROGRAM, "first", 20))
				.path("errors")
				.path(0)
				.path("extensions")
				.path("code")
				.asString("")
				.equals("RATE_LIMITED"));

			browser.driver().findElement(By.id("reps-next")).click();
			WebElement message = browser.driver().findElement(By.cssSelector("#panel-reps .panel-message"));
			browser.waitUntil(ExpectedConditions.visibilityOf(message));
			assertThat(message.getText()).startsWith("Rate limited").containsPattern("Retrying at .+ \\(in \\d+ s\\)");
			browser.screenshot("dashboard-rate-limited");

			browser.driver().findElement(By.id("sign-out")).click();
			browser.waitUntil(ExpectedConditions.visibilityOfElementLocated(By.id("sign-in")));
			assertThat(browser.driver().findElement(By.id("dashboard")).isDisplayed()).isFalse();
			assertThat(browser.driver().findElement(By.id("live-status")).getText()).isEqualTo("offline");
			assertThat(browser.script("return Object.keys(sessionStorage).length + Object.keys(localStorage).length"))
				.isEqualTo(0L);
			browser.screenshot("dashboard-signed-out");
		}
	}

	/** Opens the page, signs in through the issuer's login form, waits for live data. */
	private static void signIn(Browser browser, String username, String password) {
		browser.driver().manage().window().setSize(new Dimension(1400, 1900));
		browser.driver().get(stack.uri("/").toString());
		browser.waitUntil(ExpectedConditions.elementToBeClickable(By.id("sign-in"))).click();
		browser.waitUntil(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys(username);
		browser.driver().findElement(By.id("password")).sendKeys(password);
		browser.driver().findElement(By.cssSelector("button[type=submit]")).click();
		browser.waitUntil(ExpectedConditions.attributeToBe(By.tagName("body"), "data-state", "dashboard"));
		assertThat(browser.driver().getCurrentUrl()).isEqualTo(stack.uri("/?program=" + PROGRAM).toString());
		browser.waitUntil(ExpectedConditions.attributeToBe(By.id("live-status"), "data-state", "live"));
	}

	private static void waitForTile(Browser browser, String tile, String expected) {
		browser.waitUntil(driver -> expected.equals(value(browser, tile)));
	}

	private static String value(Browser browser, String tile) {
		return browser.driver().findElement(By.cssSelector("#" + tile + " [data-value]")).getText();
	}

	private static String detail(Browser browser, String tile) {
		return browser.driver().findElement(By.cssSelector("#" + tile + " [data-detail]")).getText();
	}

	private static List<String> repIds(Browser browser) {
		return browser.driver()
			.findElements(By.cssSelector("#rep-table tbody tr td:first-child"))
			.stream()
			.map(WebElement::getText)
			.toList();
	}

	private static boolean chartDrawn(Browser browser, String panel) {
		return !browser.driver().findElements(By.cssSelector("#" + panel + " [data-chart] svg")).isEmpty();
	}

	private static String format(long number) {
		return String.format(java.util.Locale.ENGLISH, "%,d", number);
	}

	private static void screenshotForReadme(Browser browser) {
		Path shot = browser.screenshot("dashboard-admin");
		if (Boolean.getBoolean("rollcall.readme-screenshot")) {
			try {
				Path readme = Path.of("..", "docs", "images", "dashboard.png");
				Files.createDirectories(readme.getParent());
				Files.copy(shot, readme, StandardCopyOption.REPLACE_EXISTING);
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}
	}

	private static String adminToken() {
		return issuer.token("demo-admin", "demo-admin-secret");
	}

	private static void write(String token, String path, List<?> items) {
		for (int from = 0; from < items.size(); from += 5_000) {
			HttpResponse<String> response = stack.post(path + "?consistency=visible", token, JSON,
					RunningStack.JSON.writeValueAsString(items.subList(from, Math.min(items.size(), from + 5_000))));
			assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		}
	}

}
