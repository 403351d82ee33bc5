package io.rollcall.bench;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PlainAnswersTests {

	@Test
	void complianceCountsTheRepsThatCompletedEveryLessonSeenOverAllPages() {
		JsonNode lessons = json("""
				{"aggregations":{"sterms#lessons":{"buckets":[{"key":"lesson-0"},{"key":"lesson-1"}]}}}""");
		JsonNode firstPage = json("""
				{"aggregations":{"composite#reps":{"buckets":[
				  {"key":{"contact":"a"},"filter#completed":{"cardinality#lessons":{"value":2}}},
				  {"key":{"contact":"b"},"filter#completed":{"cardinality#lessons":{"value":1}}}]}}}""");
		JsonNode secondPage = json("""
				{"aggregations":{"composite#reps":{"buckets":[
				  {"key":{"contact":"c"},"filter#completed":{"cardinality#lessons":{"value":2}}}]}}}""");
		PlainAnswers.Comparison comparison = PlainAnswers.compare("compliance", json("{\"compliant\":3}"),
				List.of(lessons, firstPage, secondPage));
		assertThat(comparison.gateway()).isEqualTo(3);
		assertThat(comparison.plain()).isEqualTo(2);
		assertThat(comparison.differencePercent()).isCloseTo(-33.33, org.assertj.core.data.Offset.offset(0.01));
	}

	@Test
	void programSummaryComparesActiveRepsWithTheCardinality() {
		PlainAnswers.Comparison comparison = PlainAnswers.compare("programSummary", json("{\"activeReps\":4000}"),
				List.of(json("{\"aggregations\":{\"cardinality#active_reps\":{\"value\":3990}}}")));
		assertThat(comparison.what()).isEqualTo("active reps");
		assertThat(comparison.plain()).isEqualTo(3990);
		assertThat(comparison.differencePercent()).isEqualTo(-0.25);
	}

	@Test
	void activitySumsTheDailyTotalsOnBothSides() {
		JsonNode gateway = json("[{\"total\":5},{\"total\":7}]");
		JsonNode plain = json("""
				{"aggregations":{"date_histogram#buckets":{"buckets":[{"doc_count":5},{"doc_count":7}]}}}""");
		assertThat(PlainAnswers.compare("activity", gateway, List.of(plain)).differencePercent()).isZero();
	}

	@Test
	void leaderboardAndVideoDropoffReadTheFirstBucket() {
		JsonNode leaders = json("""
				{"aggregations":{"sterms#leaders":{"buckets":[
				  {"key":"a","filter#completed":{"cardinality#lessons":{"value":55}}}]}}}""");
		assertThat(PlainAnswers.compare("leaderboard", json("[{\"rank\":1,\"value\":55.0}]"), List.of(leaders)).plain())
			.isEqualTo(55);
		JsonNode segments = json("""
				{"aggregations":{"lterms#segments":{"buckets":[{"key":0,"cardinality#reps":{"value":180}}]}}}""");
		PlainAnswers.Comparison video = PlainAnswers.compare("videoDropoff",
				json("[{\"segment\":0,\"reps\":181},{\"segment\":1,\"reps\":150}]"), List.of(segments));
		assertThat(video.gateway()).isEqualTo(181);
		assertThat(video.plain()).isEqualTo(180);
	}

	@Test
	void everyQueryOfTheMixHasACheck() {
		assertThat(DashboardQuery.managerMix()).allSatisfy(query -> assertThat(
				PlainAnswers.compare(query.name(), json("{}"), List.of(json("{}"), json("{}"))).query())
			.isEqualTo(query.name()));
		assertThatIllegalArgumentException().isThrownBy(() -> PlainAnswers.compare("contact", json("{}"), List.of()));
	}

	private static JsonNode json(String text) {
		return JsonHttp.JSON.readTree(text);
	}

}
