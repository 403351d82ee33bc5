package io.rollcall.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.rollcall.devstack.issuer.DevIssuer;
import io.rollcall.devstack.junit.DevStack;
import io.rollcall.devstack.junit.DevStackTest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import tools.jackson.databind.JsonNode;

/**
 * GraphiQL in a real headless Chromium that resolves no host but loopback: the page and
 * every script it runs come from the api, a token typed into it is sent with its queries,
 * and a query run from it shows the tenant's numbers. The screenshot is
 * {@code target/browser/graphiql.png}.
 */
@DevStackTest
class GraphiQlBrowserIntegrationTests {

	private static final String QUERY = "{ programSummary(programId: \"onboarding\") { totalEvents activeReps } }";

	@Test
	void aQueryRunFromGraphiQlShowsTheAnswer(DevStack devStack, DevIssuer issuer) {
		try (RunningStack stack = RunningStack.start(devStack, issuer,
				Map.of("rollcall.security.introspection-enabled", "true")); Browser browser = Browser.start()) {
			String token = issuer.token("demo-reader", "demo-reader-secret");
			write(stack, issuer.token("demo-admin", "demo-admin-secret"));
			String base = stack.uri("/").toString();

			browser.driver().get(stack.uri("/graphiql").toString());
			browser.waitUntil(driver -> !driver.findElements(By.cssSelector(".graphiql-container")).isEmpty());
			browser.driver().findElement(By.id("token")).sendKeys(token);
			browser.driver().findElement(By.id("use-token")).click();
			browser.waitUntil(driver -> browser
				.script("return document.querySelector('.graphiql-query-editor .CodeMirror') !== null"));
			browser.script(
					"document.querySelector('.graphiql-query-editor .CodeMirror').CodeMirror.setValue(arguments[0])",
					QUERY);
			browser.driver().findElement(By.cssSelector(".graphiql-execute-button")).click();
			String answer = browser.waitUntil(driver -> {
				Object text = browser
					.script("return document.querySelector('.graphiql-response .CodeMirror').CodeMirror.getValue()");
				return String.valueOf(text).contains("totalEvents") ? String.valueOf(text) : null;
			});
			browser.screenshot("graphiql");

			JsonNode response = RunningStack.JSON.readTree(answer);
			assertThat(response.path("data").path("programSummary").path("totalEvents").asInt()).as(answer)
				.isEqualTo(2);
			assertThat(response.path("data").path("programSummary").path("activeReps").asInt()).isEqualTo(1);
			assertThat(browser.loadedUrls()).isNotEmpty().allSatisfy(url -> assertThat(url).startsWith(base));
			assertThat(browser.consoleErrors()).isEmpty();
		}
	}

	private static void write(RunningStack stack, String admin) {
		HttpResponse<String> response = stack.post("/v1/events?consistency=visible", admin, "application/json",
				"""
						[{"eventId":"e-1","contactId":"rep-1","programId":"onboarding","lessonId":"l-1","type":"LESSON_STARTED","occurredAt":"2026-11-20T09:00:00Z"},
						 {"eventId":"e-2","contactId":"rep-1","programId":"onboarding","lessonId":"l-1","type":"LESSON_COMPLETED","occurredAt":"2026-11-20T09:05:00Z"}]
						""");
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
	}

}
