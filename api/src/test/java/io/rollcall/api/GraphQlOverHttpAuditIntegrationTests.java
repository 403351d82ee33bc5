package io.rollcall.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.rollcall.devstack.issuer.DevIssuer;
import io.rollcall.devstack.junit.DevStack;
import io.rollcall.devstack.junit.DevStackTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The GraphQL-over-HTTP specification's own server audit (the npm package
 * {@code graphql-http}, installed by the build into {@code target/graphql-http-audit})
 * against a real api with its security, document guards and rate limits in front: every
 * MUST, SHOULD and MAY passes. The audit sends no token, so {@code audit.mjs} adds a
 * dev-issuer token to each of its requests. Introspection is on, as the audit's variables
 * checks read {@code __type} (see docs/SECURITY.md for the production default).
 */
@DevStackTest
class GraphQlOverHttpAuditIntegrationTests {

	private static final Path AUDIT = Path.of("target", "graphql-http-audit");

	@Test
	void everyCheckOfTheAuditPasses(DevStack devStack, DevIssuer issuer) throws IOException, InterruptedException {
		List<JsonNode> results;
		try (RunningStack stack = RunningStack.start(devStack, issuer,
				Map.of("rollcall.security.introspection-enabled", "true"))) {
			results = audit(stack.uri("/graphql").toString(), issuer.token("demo-admin", "demo-admin-secret"));
		}
		String report = results.stream().map(JsonNode::toString).collect(Collectors.joining("\n"));

		assertThat(passed(results, "MUST")).as(report).isEqualTo(13);
		assertThat(passed(results, "SHOULD") + passed(results, "MAY")).as(report).isEqualTo(48);
		assertThat(results).as(report).hasSize(61);
	}

	private static long passed(List<JsonNode> results, String level) {
		return results.stream()
			.filter(result -> result.path("name").asString().startsWith(level + " "))
			.filter(result -> result.path("status").asString().equals("ok"))
			.count();
	}

	private static List<JsonNode> audit(String url, String token) throws IOException, InterruptedException {
		assertThat(AUDIT.resolve("node_modules/graphql-http")).as("npm ci of the build (generate-test-resources)")
			.isDirectory();
		ProcessBuilder builder = new ProcessBuilder("node", "audit.mjs", url).directory(AUDIT.toFile())
			.redirectError(ProcessBuilder.Redirect.INHERIT);
		builder.environment().put("AUDIT_TOKEN", token);
		Process node = builder.start();
		String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(node.waitFor(2, TimeUnit.MINUTES)).as("the audit finished").isTrue();
		assertThat(node.exitValue()).as(output).isZero();
		return output.lines().filter(line -> !line.isBlank()).map(RunningStack.JSON::readTree).toList();
	}

}
