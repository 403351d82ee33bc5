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
 * One dashboard query measured three ways: the GraphQL document sent to the gateway; the
 * Elasticsearch requests the gateway's {@code TenantScopedSearch} sends for it, in the
 * same order, sent straight to Elasticsearch ("direct"); and the requests a team without
 * Rollcall would send for the same question, aggregations over the raw events index
 * ("plain", scenario g). The document is {@code dashboard/<name>.graphql}; each request
 * is a search body in {@code dashboard/<resource>.json} whose {@code ${tenantId}} and
 * {@code ${placeholder}} placeholders take the tenant and {@link #placeholders} (the
 * GraphQL variables plus values derived from them, such as epoch millis).
 *
 * @param name the query's name, also the GraphQL document's base name and its root field
 * @param variables the GraphQL variables
 * @param placeholders the values of the search bodies' placeholders
 * @param document the GraphQL document
 * @param requests the searches the gateway sends for one query, in order
 * @param plain the searches a team without Rollcall sends for the same answer, in order
 * ({@code dashboard/plain/}, or the gateway's own body where it already aggregates the
 * raw events); see docs/PERFORMANCE.md, scenario g
 */
record DashboardQuery(String name, Map<String, Object> variables, Map<String, String> placeholders, String document,
		List<Request> requests, List<Request> plain) {

	/** The program of the generated dataset (one program). */
	private static final String PROGRAM = "prog-0";

	/** A lesson every rep starts, so it has quiz answers and video progress. */
	private static final String LESSON = "lesson-0";

	/** Thirty days from the generator's first day (it starts 2026-01-05T08:00Z). */
	private static final Instant ACTIVITY_FROM = Instant.parse("2026-01-05T00:00:00Z");

	private static final Instant ACTIVITY_TO = Instant.parse("2026-02-04T00:00:00Z");

	/**
	 * The per-rep table's page in scenarios e and f: the largest page the api serves, its
	 * most expensive dashboard document.
	 */
	static final int LARGEST_REP_PAGE = 500;

	/**
	 * The per-rep table's page a manager's dashboard asks for (the api's default page,
	 * one screen of reps), in scenario g.
	 */
	static final int MANAGER_REP_PAGE = 50;

	/**
	 * The queries measured in scenarios e and f, the per-rep table at its largest page;
	 * adding one is one entry in {@link #mix(int)} plus its resource files.
	 */
	static List<DashboardQuery> all() {
		return mix(LARGEST_REP_PAGE);
	}

	/**
	 * A manager's dashboard (scenario g): the same queries, the per-rep table at
	 * {@link #MANAGER_REP_PAGE} rows (the leaderboard's 10 and the activity's 30 days are
	 * the same everywhere).
	 */
	static List<DashboardQuery> managerMix() {
		return mix(MANAGER_REP_PAGE);
	}

	/**
	 * Each list of gateway requests mirrors what {@code DashboardQueries} asks
	 * {@code TenantScopedSearch} for an admin token (whole tenant: no team lookup) on the
	 * benchmark's dataset, which has no program catalog, so that compliance falls back to
	 * the lessons seen. Activity and quiz statistics already aggregate the raw events in
	 * the gateway, so their plain requests are the gateway's own.
	 */
	private static List<DashboardQuery> mix(int repPage) {
		Map<String, Object> program = Map.of("programId", PROGRAM);
		Map<String, Object> repTable = Map.of("programId", PROGRAM, "first", repPage);
		Map<String, Object> lesson = Map.of("programId", PROGRAM, "lessonId", LESSON);
		Map<String, Object> range = Map.of("from", ACTIVITY_FROM.toString(), "to", ACTIVITY_TO.toString());
		// One row more than asked tells the gateway whether another page follows.
		Map<String, String> repPageSize = Map.of("size", Integer.toString(repPage + 1));
		Request activity = request(IndexNames::events, "activity");
		Request quizStats = request(IndexNames::events, "quizStats");
		Request lessonsSeen = request(IndexNames::events, "compliance-2-lessons-seen");
		return List.of(
				of("programSummary", program, Map.of(), List.of(request(IndexNames::progress, "programSummary")),
						List.of(plain("programSummary"))),
				of("repProgress", repTable, repPageSize, List.of(request(IndexNames::progress, "repProgress")),
						List.of(plain("repProgress"))),
				of("compliance", program, Map.of("requiredLessonFilters", requiredLessonFilters()),
						List.of(request(IndexNames::programs, "compliance-1-catalog"), lessonsSeen,
								request(IndexNames::progress, "compliance-3-counts")),
						List.of(lessonsSeen, plain("compliance-reps"))),
				of("activity", range,
						Map.of("fromMillis", Long.toString(ACTIVITY_FROM.toEpochMilli()), "lastMillis",
								Long.toString(ACTIVITY_TO.toEpochMilli() - 1)),
						List.of(activity), List.of(activity)),
				of("quizStats", lesson, Map.of(), List.of(quizStats), List.of(quizStats)),
				of("videoDropoff", lesson, Map.of(), List.of(request(IndexNames::events, "videoDropoff")),
						List.of(plain("videoDropoff"))),
				of("leaderboard", program, Map.of(), List.of(request(IndexNames::progress, "leaderboard")),
						List.of(plain("leaderboard"))));
	}

	/**
	 * The query named {@code name} among {@code queries}.
	 * @throws IllegalStateException when there is none
	 */
	static DashboardQuery named(String name, List<DashboardQuery> queries) {
		return queries.stream()
			.filter(query -> query.name().equals(name))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("no " + name + " among the dashboard queries"));
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

	static DashboardQuery of(String name, Map<String, Object> variables, Map<String, String> derived,
			List<Request> requests, List<Request> plain) {
		Map<String, String> placeholders = new LinkedHashMap<>();
		variables.forEach((variable, value) -> placeholders.put(variable, String.valueOf(value)));
		placeholders.putAll(derived);
		return new DashboardQuery(name, variables, placeholders, resource(name + ".graphql"), requests, plain);
	}

	private static Request request(Function<IndexNames, String> index, String resource) {
		return new Request(index, resource, resource(resource + ".json"));
	}

	/** A plain request: always over the raw events. */
	private static Request plain(String name) {
		return request(IndexNames::events, "plain/" + name);
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
		return bodies(this.requests, tenant);
	}

	/** The plain searches' bodies for {@code tenant}, every placeholder resolved. */
	List<String> plainBodies(Tenant tenant) {
		return bodies(this.plain, tenant);
	}

	private List<String> bodies(List<Request> searches, Tenant tenant) {
		return searches.stream().map(request -> request.body(tenant, this.placeholders)).toList();
	}

}
