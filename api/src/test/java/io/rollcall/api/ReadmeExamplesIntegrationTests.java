package io.rollcall.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.rollcall.devstack.issuer.DevIssuer;
import io.rollcall.devstack.junit.DevStack;
import io.rollcall.devstack.junit.DevStackTest;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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

	@BeforeEach
	void start(DevStack devStack, DevIssuer issuer) {
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
