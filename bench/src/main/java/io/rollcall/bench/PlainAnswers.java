package io.rollcall.bench;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.StreamSupport;
import tools.jackson.databind.JsonNode;

/**
 * Whether the plain Elasticsearch requests of scenario g answer the gateway's questions:
 * for each dashboard query, one number read from the gateway's answer and worked out from
 * the plain answers as a team without Rollcall would (e.g. compliance: the reps whose
 * distinct completed lessons equal the lessons seen). They need not agree exactly:
 * {@code cardinality} is approximate above its precision threshold (3,000 distinct values
 * by default), and the plain video drop-off counts reps with progress at each segment,
 * not reps whose furthest segment is at or past it. The plain answers come with
 * {@code typed_keys} (the client adds it to every search), so aggregations are found by
 * name whatever their type prefix.
 */
final class PlainAnswers {

	private static final Map<String, Check> CHECKS = Map.of("programSummary",
			new Check("active reps", data -> data.path("activeReps").asDouble(),
					pages -> value(pages.get(0).path("aggregations"), "active_reps")),
			"repProgress",
			new Check("reps in the table (totalCount)", data -> data.path("totalCount").asDouble(),
					pages -> value(pages.get(0).path("aggregations"), "total_reps")),
			"compliance",
			new Check("compliant reps", data -> data.path("compliant").asDouble(), PlainAnswers::compliant), "activity",
			new Check("events in the 30 days", data -> sum(data, "total"),
					pages -> docCounts(aggregation(pages.get(0).path("aggregations"), "buckets"))),
			"quizStats",
			new Check("quiz answers to the lesson", data -> sum(data, "attempts"),
					pages -> docCounts(aggregation(pages.get(0).path("aggregations"), "questions"))),
			"videoDropoff",
			new Check("reps at segment 0", data -> segmentZero(data),
					pages -> value(firstBucket(pages.get(0), "segments"), "reps")),
			"leaderboard", new Check("the leader's lessons completed", data -> data.path(0).path("value").asDouble(),
					pages -> value(aggregation(firstBucket(pages.get(0), "leaders"), "completed"), "lessons")));

	private PlainAnswers() {
	}

	/**
	 * The check of {@code query}: what it compares and the two numbers.
	 * @param data the gateway's {@code data.<query>}
	 * @param pages the plain requests' answers, in order
	 */
	static Comparison compare(String query, JsonNode data, List<JsonNode> pages) {
		Check check = CHECKS.get(query);
		if (check == null) {
			throw new IllegalArgumentException("no plain answer check for " + query);
		}
		return new Comparison(query, check.what(), check.gateway().apply(data), check.plain().apply(pages));
	}

	/**
	 * The reps of the composite pages (every page after the first answer) whose distinct
	 * completed lessons equal the lessons seen (the first answer's lesson buckets).
	 */
	private static double compliant(List<JsonNode> pages) {
		int lessons = aggregation(pages.get(0).path("aggregations"), "lessons").path("buckets").size();
		long compliant = 0;
		for (JsonNode page : pages.subList(1, pages.size())) {
			for (JsonNode rep : aggregation(page.path("aggregations"), "reps").path("buckets")) {
				if (value(aggregation(rep, "completed"), "lessons") == lessons) {
					compliant++;
				}
			}
		}
		return compliant;
	}

	private static double segmentZero(JsonNode data) {
		for (JsonNode segment : data) {
			if (segment.path("segment").asInt(-1) == 0) {
				return segment.path("reps").asDouble();
			}
		}
		return 0;
	}

	private static double sum(JsonNode list, String field) {
		return StreamSupport.stream(list.spliterator(), false).mapToDouble(item -> item.path(field).asDouble()).sum();
	}

	private static double docCounts(JsonNode aggregation) {
		return sum(aggregation.path("buckets"), "doc_count");
	}

	private static JsonNode firstBucket(JsonNode answer, String name) {
		return aggregation(answer.path("aggregations"), name).path("buckets").path(0);
	}

	/** A single-value aggregation's {@code value}, among {@code container}'s. */
	private static double value(JsonNode container, String name) {
		return aggregation(container, name).path("value").asDouble();
	}

	/**
	 * The aggregation {@code name} among {@code container}'s fields, with or without its
	 * {@code typed_keys} prefix (e.g. {@code cardinality#active_reps}).
	 */
	static JsonNode aggregation(JsonNode container, String name) {
		for (var field : container.properties()) {
			if (field.getKey().equals(name) || field.getKey().endsWith("#" + name)) {
				return field.getValue();
			}
		}
		return JsonHttp.JSON.missingNode();
	}

	/**
	 * One number compared.
	 *
	 * @param what what the number is
	 * @param gateway reads it from the gateway's {@code data.<query>}
	 * @param plain works it out from the plain answers
	 */
	private record Check(String what, Function<JsonNode, Double> gateway, Function<List<JsonNode>, Double> plain) {
	}

	/**
	 * A query's number by both paths.
	 *
	 * @param query the dashboard query
	 * @param what what the number is
	 * @param gateway the gateway's
	 * @param plain plain Elasticsearch's
	 */
	record Comparison(String query, String what, double gateway, double plain) {

		/** (plain − gateway) / gateway, in percent; 0 when both are 0. */
		double differencePercent() {
			if (this.gateway == 0) {
				return this.plain == 0 ? 0 : Double.POSITIVE_INFINITY;
			}
			return 100 * (this.plain - this.gateway) / this.gateway;
		}

	}

}
