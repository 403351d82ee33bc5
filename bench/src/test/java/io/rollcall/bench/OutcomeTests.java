package io.rollcall.bench;

import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class OutcomeTests {

	private static final String ADMITTED = """
			{"data":{"repProgress":{"totalCount":3}},
			 "extensions":{"cost":{"requestedQueryCost":3055,"actualQueryCost":25}}}""";

	private static final String RATE_LIMITED = """
			{"errors":[{"message":"the tenant rate limit is exhausted; retry after 2s",
			  "extensions":{"code":"RATE_LIMITED","retryAfterMs":1528,"classification":"BAD_REQUEST"}}],
			 "extensions":{"cost":{"requestedQueryCost":3055,"actualQueryCost":0}}}""";

	@Test
	void twoHundredWithTheFieldAndNoErrorIsAdmitted() {
		Outcome outcome = Outcome.of(200, ADMITTED, false, "repProgress");
		assertThat(outcome.kind()).isEqualTo(Outcome.Kind.ADMITTED);
		assertThat(outcome.code()).isNull();
		assertThat(outcome.actualCost()).isEqualTo(25);
	}

	@Test
	void fourTwentyNineWithRateLimitedIsRateLimited() {
		Outcome outcome = Outcome.of(429, RATE_LIMITED, true, "repProgress");
		assertThat(outcome.kind()).isEqualTo(Outcome.Kind.RATE_LIMITED);
		assertThat(outcome.code()).isEqualTo("RATE_LIMITED");
		assertThat(outcome.retryAfter()).isTrue();
	}

	@Test
	void anyOtherAnswerBelowFiveHundredIsAnError() {
		String overloaded = """
				{"errors":[{"message":"busy","extensions":{"code":"OVERLOADED"}}],"data":{"repProgress":null}}""";
		assertThat(Outcome.of(200, overloaded, false, "repProgress"))
			.isEqualTo(new Outcome(Outcome.Kind.ERROR, "OVERLOADED", false, 0));
		// RATE_LIMITED on a 200 is not the contract (the gateway answers it with 429)
		assertThat(Outcome.of(200, RATE_LIMITED, true, "repProgress").kind()).isEqualTo(Outcome.Kind.ERROR);
		// a 429 without the code is someone else's limit
		assertThat(Outcome.of(429, "Too Many Requests", true, "repProgress"))
			.isEqualTo(new Outcome(Outcome.Kind.ERROR, "HTTP 429", true, 0));
		// the data of another field, or none
		assertThat(Outcome.of(200, ADMITTED, false, "compliance").kind()).isEqualTo(Outcome.Kind.ERROR);
		assertThat(Outcome.of(401, "", false, "repProgress").code()).isEqualTo("HTTP 401");
	}

	@Test
	void anyFiveHundredIsAServerErrorWhateverItsBody() {
		assertThat(Outcome.of(500, "<html>oops</html>", false, "repProgress"))
			.isEqualTo(new Outcome(Outcome.Kind.SERVER_ERROR, "HTTP 500", false, 0));
		assertThat(Outcome.of(503, RATE_LIMITED, true, "repProgress").kind()).isEqualTo(Outcome.Kind.SERVER_ERROR);
	}

	@Test
	void noAnswerIsATimeoutAndABrokenConnectionAnError() {
		assertThat(Outcome.timeout().kind()).isEqualTo(Outcome.Kind.TIMEOUT);
		assertThat(Outcome.failure(new IOException("reset")))
			.isEqualTo(new Outcome(Outcome.Kind.ERROR, "IOException", false, 0));
	}

	@Test
	void aTallyCountsEachKindAndKeepsTheAdmittedLatencies() {
		Tally tally = new Tally();
		assertThat(tally.anyAdmitted()).isFalse();
		assertThatIllegalArgumentException().isThrownBy(tally::latencies);
		tally.add(Outcome.of(200, ADMITTED, false, "repProgress"), Duration.ofMillis(30), Duration.ZERO);
		tally.add(Outcome.of(200, ADMITTED, false, "repProgress"), Duration.ofMillis(10), Duration.ofMillis(500));
		tally.add(Outcome.of(429, RATE_LIMITED, true, "repProgress"), Duration.ofMillis(2), Duration.ZERO);
		tally.add(Outcome.of(429, RATE_LIMITED, false, "repProgress"), Duration.ofMillis(2), Duration.ZERO);
		tally.add(Outcome.timeout(), Duration.ofSeconds(10), Duration.ZERO);
		tally.add(Outcome.of(502, "", false, "repProgress"), Duration.ofMillis(1), Duration.ZERO);
		tally.add(Outcome.of(502, "", false, "repProgress"), Duration.ofMillis(1), Duration.ZERO);
		assertThat(tally.sent()).isEqualTo(7);
		assertThat(tally.count(Outcome.Kind.ADMITTED)).isEqualTo(2);
		assertThat(tally.count(Outcome.Kind.RATE_LIMITED)).isEqualTo(2);
		assertThat(tally.count(Outcome.Kind.TIMEOUT)).isEqualTo(1);
		assertThat(tally.count(Outcome.Kind.SERVER_ERROR)).isEqualTo(2);
		assertThat(tally.count(Outcome.Kind.ERROR)).isZero();
		assertThat(tally.failed()).isEqualTo(3);
		assertThat(tally.missingRetryAfter()).isEqualTo(1);
		assertThat(tally.admittedCost()).isEqualTo(50);
		assertThat(tally.late()).isEqualTo(1);
		assertThat(tally.failures()).isEqualTo("HTTP 502 ×2, TIMEOUT ×1");
		assertThat(tally.latencies().count()).isEqualTo(2);
		assertThat(tally.latencies().max()).isEqualTo(Duration.ofMillis(30));
	}

	@Test
	void aTallyWithoutFailuresSaysNone() {
		assertThat(new Tally().failures()).isEqualTo("none");
	}

	@Test
	void aWriteIsAdmittedBy2xxAndOtherwiseCountedByItsCode() {
		assertThat(Outcome.ofWrite(202, "{\"accepted\":100}", false).admitted()).isTrue();
		assertThat(Outcome.ofWrite(200, "{}", false).admitted()).isTrue();
		Outcome unavailable = Outcome.ofWrite(503, "{\"code\":\"UNAVAILABLE\",\"message\":\"redis\"}", true);
		assertThat(unavailable.kind()).isEqualTo(Outcome.Kind.SERVER_ERROR);
		assertThat(unavailable.code()).isEqualTo("UNAVAILABLE");
		assertThat(Outcome.ofWrite(429, "{\"code\":\"RATE_LIMITED\"}", true).kind())
			.isEqualTo(Outcome.Kind.RATE_LIMITED);
		Outcome invalid = Outcome.ofWrite(400, "not json", false);
		assertThat(invalid.kind()).isEqualTo(Outcome.Kind.ERROR);
		assertThat(invalid.code()).isEqualTo("HTTP 400");
	}

	@Test
	void aSearchIsAdmittedOnlyWhenItNeitherTimedOutNorLostAShard() {
		assertThat(Outcome.ofSearch(200, json("{\"timed_out\":false,\"_shards\":{\"failed\":0}}")).admitted()).isTrue();
		Outcome timedOut = Outcome.ofSearch(200, json("{\"timed_out\":true,\"_shards\":{\"failed\":0}}"));
		assertThat(timedOut.kind()).isEqualTo(Outcome.Kind.ERROR);
		assertThat(timedOut.code()).isEqualTo("timed_out");
		assertThat(Outcome.ofSearch(200, json("{\"timed_out\":false,\"_shards\":{\"failed\":1}}")).code())
			.isEqualTo("shard_failures");
		Outcome rejected = Outcome.ofSearch(429, json("{\"error\":{\"type\":\"es_rejected_execution_exception\"}}"));
		assertThat(rejected.kind()).isEqualTo(Outcome.Kind.ERROR);
		assertThat(rejected.code()).isEqualTo("HTTP 429 es_rejected_execution_exception");
		assertThat(Outcome.ofSearch(503, json("{}")).kind()).isEqualTo(Outcome.Kind.SERVER_ERROR);
	}

	@Test
	void anUnansweredRequestIsATimeoutOnlyWhenTheClientGaveUp() {
		assertThat(Outcome.unanswered(new java.io.UncheckedIOException(new java.net.http.HttpTimeoutException("late")))
			.kind()).isEqualTo(Outcome.Kind.TIMEOUT);
		Outcome reset = Outcome.unanswered(new java.io.UncheckedIOException(new IOException("reset")));
		assertThat(reset.kind()).isEqualTo(Outcome.Kind.ERROR);
		assertThat(reset.code()).isEqualTo("IOException");
	}

	private static tools.jackson.databind.JsonNode json(String body) {
		return JsonHttp.JSON.readTree(body);
	}

}
