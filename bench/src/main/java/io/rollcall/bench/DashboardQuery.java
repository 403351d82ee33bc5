package io.rollcall.bench;

import io.rollcall.schema.index.IndexNames;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * One dashboard query measured two ways: the GraphQL document sent to the gateway, and
 * the Elasticsearch requests the gateway's {@code TenantScopedSearch} sends for it, in
 * the same order, sent straight to Elasticsearch. The document is
 * {@code dashboard/<name>.graphql}; each request is a search body in
 * {@code dashboard/<resource>.json} whose {@code ${tenantId}} and {@code ${placeholder}}
 * placeholders take the tenant and {@link #placeholders} (the GraphQL variables plus
 * values derived from them, such as epoch millis).
 *
 * @param name the query's name, also the GraphQL document's base name
 * @param variables the GraphQL variables (strings)
 * @param placeholders the values of the search bodies' placeholders
 * @param document the GraphQL document
 * @param requests the searches the gateway sends for one query, in order
 */
record DashboardQuery(String name, Map<String, String> variables, Map<String, String> placeholders, String document,
		List<Request> requests) {

	/** The program of the generated dataset (one program). */
	private static final String PROGRAM = "prog-0";

	/** A lesson every rep starts, so it has quiz answers and video progress. */
	private static final String LESSON = "lesson-0";

	/** Thirty days from the generator's first day (it starts 2026-01-05T08:00Z). */
	private static final Instant ACTIVITY_FROM = Instant.parse("2026-01-05T00:00:00Z");

	private static final Instant ACTIVITY_TO = Instant.parse("2026-02-04T00:00:00Z");

	/**
	 * The queries measured: adding one is one entry here plus its resource files. Each
	 * list of requests mirrors what {@code DashboardQueries} asks
	 * {@code TenantScopedSearch} for an admin token (whole tenant: no team lookup) on the
	 * benchmark's dataset, which has no program catalog, so that compliance falls back to
	 * the lessons seen.
	 */
	static List<DashboardQuery> all() {
		Map<String, String> program = Map.of("programId", PROGRAM);
		Map<String, String> lesson = Map.of("programId", PROGRAM, "lessonId", LESSON);
		Map<String, String> range = Map.of("from", ACTIVITY_FROM.toString(), "to", ACTIVITY_TO.toString());
		return List.of(of("programSummary", program, Map.of(), request(IndexNames::progress, "programSummary")),
				of("repProgress", program, Map.of(), request(IndexNames::progress, "repProgress")),
				of("compliance", program, Map.of("requiredLessonFilters", requiredLessonFilters()),
						request(IndexNames::programs, "compliance-1-catalog"),
						request(IndexNames::events, "compliance-2-lessons-seen"),
						request(IndexNames::progress, "compliance-3-counts")),
				of("activity", range,
						Map.of("fromMillis", Long.toString(ACTIVITY_FROM.toEpochMilli()), "lastMillis",
								Long.toString(ACTIVITY_TO.toEpochMilli() - 1)),
						request(IndexNames::events, "activity")),
				of("quizStats", lesson, Map.of(), request(IndexNames::events, "quizStats")),
				of("videoDropoff", lesson, Map.of(), request(IndexNames::events, "videoDropoff")),
				of("leaderboard", program, Map.of(), request(IndexNames::progress, "leaderboard")));
	}

	/**
	 * The required lessons' term filters as {@code TenantScopedSearch} writes them: the
	 * lessons seen, in lesson id (string) order.
	 */
	private static String requiredLessonFilters() {
		return IntStream.range(0, Dataset.LESSONS)
			.mapToObj(lesson -> "lesson-" + lesson)
			.collect(Collectors.toCollection(TreeSet::new))
			.stream()
			.map(lesson -> "{ \"term\": { \"lessons_completed\": { \"value\": \"" + lesson + "\" } } }")
			.collect(Collectors.joining(", "));
	}

	static DashboardQuery of(String name, Map<String, String> variables, Map<String, String> derived,
			Request... requests) {
		Map<String, String> placeholders = new LinkedHashMap<>(variables);
		placeholders.putAll(derived);
		return new DashboardQuery(name, variables, placeholders, resource(name + ".graphql"), List.of(requests));
	}

	private static Request request(Function<IndexNames, String> index, String resource) {
		return new Request(index, resource, resource(resource + ".json"));
	}

	/** The GraphQL-over-HTTP request body. */
	String graphQlRequest() {
		return JsonHttp.JSON.writeValueAsString(Map.of("query", this.document, "variables", this.variables));
	}

	private static String resource(String name) {
		try (InputStream in = DashboardQuery.class.getResourceAsStream("/dashboard/" + name)) {
			if (in == null) {
				throw new IllegalStateException("missing resource dashboard/" + name);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * One search the gateway sends.
	 *
	 * @param index the index it searches
	 * @param resource the body's resource name (without {@code .json})
	 * @param body the search body, placeholders unresolved
	 */
	record Request(Function<IndexNames, String> index, String resource, String body) {

		/** The search body for {@code tenant}, every placeholder resolved. */
		String body(Tenant tenant, Map<String, String> placeholders) {
			String resolved = this.body.replace("${tenantId}", tenant.id());
			for (Map.Entry<String, String> placeholder : placeholders.entrySet()) {
				resolved = resolved.replace("${" + placeholder.getKey() + "}", placeholder.getValue());
			}
			if (resolved.contains("${")) {
				throw new IllegalStateException(
						"dashboard/" + this.resource + ".json has an unresolved placeholder: " + resolved);
			}
			return resolved;
		}

	}

	/** The searches' bodies for {@code tenant}, every placeholder resolved. */
	List<String> elasticsearchBodies(Tenant tenant) {
		return this.requests.stream().map(request -> request.body(tenant, this.placeholders)).toList();
	}

}
