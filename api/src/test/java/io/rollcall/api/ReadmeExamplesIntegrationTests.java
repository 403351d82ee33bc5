package io.rollcall.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.rollcall.devstack.issuer.DevIssuer;
import io.rollcall.devstack.junit.DevStack;
import io.rollcall.devstack.junit.DevStackTest;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.Disposable;
import tools.jackson.databind.JsonNode;

/**
 * Every {@code ```graphql} block of the README runs without errors against the stack,
 * over the README's own example data, so the documentation cannot drift from the schema.
 */
@DevStackTest
class ReadmeExamplesIntegrationTests {

	private static final Pattern GRAPHQL_BLOCK = Pattern.compile("```graphql\\n(.*?)```", Pattern.DOTALL);

	private RunningStack stack;

	private String admin;

	private DevIssuer issuer;

	@BeforeEach
	void start(DevStack devStack, DevIssuer devIssuer) {
		issuer = devIssuer;
		stack = RunningStack.start(devStack, issuer);
		admin = issuer.token("demo-admin", "demo-admin-secret");
	}

	@AfterEach
	void stop() {
		stack.close();
	}

	@Test
	void everyGraphQlExampleRuns() throws IOException {
		HttpResponse<String> events = stack.post("/v1/events?consistency=visible", admin, "application/json",
				"""
						[{"eventId":"e-1","contactId":"rep-1","programId":"onboarding","lessonId":"l-1","type":"LESSON_STARTED","occurredAt":"2026-11-20T09:00:00Z"},
						 {"eventId":"e-2","contactId":"rep-1","programId":"onboarding","lessonId":"l-1","type":"QUIZ_ANSWERED","questionId":"q-1","correct":true,"occurredAt":"2026-11-20T09:03:00Z"},
						 {"eventId":"e-3","contactId":"rep-1","programId":"onboarding","lessonId":"l-1","type":"LESSON_COMPLETED","occurredAt":"2026-11-20T09:05:00Z"}]
						""");
		assertThat(events.statusCode()).as(events.body()).isEqualTo(200);
		List<String> examples = examples();
		assertThat(examples).hasSizeGreaterThanOrEqualTo(4);
		for (String example : examples) {
			HttpResponse<String> response = stack.post("/graphql", admin, "application/json",
					RunningStack.JSON.writeValueAsString(Map.of("query", example)));
			JsonNode body = RunningStack.JSON.readTree(response.body());
			assertThat(body.path("errors").isMissingNode()).as(example + "\n" + body).isTrue();
			assertThat(body.path("data").isObject()).as(example).isTrue();
		}
	}

	/**
	 * The README's CRM client hears what is written, stores its cursor, and after a break
	 * resumes from it: what was written meanwhile arrives, nothing twice.
	 */
	@Test
	void theCrmExampleResumesFromItsStoredCursor(@TempDir Path directory) throws IOException {
		Path cursorFile = directory.resolve("rollcall.cursor");
		Supplier<String> tokens = () -> issuer.token("demo-admin", "demo-admin-secret");
		List<CrmSync.Change> before = new CopyOnWriteArrayList<>();
		Disposable listening = CrmSync.sync(stack.webSocketUrl(), tokens, cursorFile, before::add).subscribe();
		AtomicInteger sent = new AtomicInteger();
		// Without a stored cursor it starts from now on: write until it hears.
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
			writeEvent("e-live-" + sent.incrementAndGet());
			return !before.isEmpty();
		});
		listening.dispose();
		await().atMost(Duration.ofSeconds(10))
			.until(() -> Files.readString(cursorFile).equals(before.getLast().cursor()));

		List.of("e-away-1", "e-away-2", "e-away-3").forEach(this::writeEvent);
		List<CrmSync.Change> after = new CopyOnWriteArrayList<>();
		Disposable resumed = CrmSync.sync(stack.webSocketUrl(), tokens, cursorFile, after::add).subscribe();
		try {
			await().atMost(Duration.ofSeconds(60)).until(() -> eventIds(after).contains("e-away-3"));
		}
		finally {
			resumed.dispose();
		}

		assertThat(eventIds(after)).contains("e-away-1", "e-away-2", "e-away-3");
		assertThat(after).extracting(CrmSync.Change::cursor)
			.as("nothing twice")
			.doesNotContainAnyElementsOf(before.stream().map(CrmSync.Change::cursor).toList());
		assertThat(Files.readString(cursorFile)).isEqualTo(after.getLast().cursor());
	}

	private void writeEvent(String eventId) {
		HttpResponse<String> write = stack.post("/v1/events?consistency=visible", admin, "application/json", """
				[{"eventId":"%s","contactId":"rep-9","programId":"onboarding","lessonId":"l-1",
				  "type":"LESSON_STARTED","occurredAt":"2026-11-20T09:00:00Z"}]""".formatted(eventId));
		assertThat(write.statusCode()).as(write.body()).isEqualTo(200);
	}

	private static List<String> eventIds(List<CrmSync.Change> changes) {
		return changes.stream()
			.filter(change -> change.event() != null)
			.map(change -> String.valueOf(change.event().get("eventId")))
			.toList();
	}

	private static List<String> examples() throws IOException {
		Path readme = Path.of("..", "README.md");
		Matcher matcher = GRAPHQL_BLOCK.matcher(Files.readString(readme));
		List<String> blocks = new ArrayList<>();
		while (matcher.find()) {
			blocks.add(matcher.group(1));
		}
		return blocks;
	}

}
