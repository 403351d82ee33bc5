package io.rollcall.api.dashboard.lesson;

import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import io.rollcall.api.dashboard.Filters;
import io.rollcall.api.search.SearchIndex;
import io.rollcall.api.search.SearchScope;
import io.rollcall.api.search.TenantScopedSearch;
import io.rollcall.schema.event.EventDocument;
import io.rollcall.schema.event.EventType;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Answers per question of a lesson's quiz: {@code terms} on the question id over the
 * QUIZ_ANSWERED events, with a {@code filter} on {@code correct}; doc counts.
 */
@Component
class QuizStatsQuery {

	/** Distinct quiz questions of one lesson reported at most. */
	private static final int MAX_QUESTIONS = 1_000;

	private static final String QUESTIONS = "questions";

	private static final String CORRECT = "correct";

	private final TenantScopedSearch search;

	QuizStatsQuery(TenantScopedSearch search) {
		this.search = search;
	}

	/** Attempts and correct answers per question of a lesson, by question id. */
	List<QuestionStats> questions(SearchScope scope, String programId, String lessonId) {
		Map<String, Aggregate> aggregations = search
			.aggregate(scope, SearchIndex.EVENTS, Filters.eventsOf(programId, lessonId, EventType.QUIZ_ANSWERED), Map
				.of(QUESTIONS, Aggregation.of(a -> a.terms(t -> t.field(EventDocument.QUESTION_ID).size(MAX_QUESTIONS))
					.aggregations(CORRECT,
							correct -> correct.filter(f -> f.term(t -> t.field(EventDocument.CORRECT).value(true)))))))
			.aggregations();
		Aggregate questions = aggregations == null ? null : aggregations.get(QUESTIONS);
		if (questions == null || !questions.isSterms()) {
			return List.of();
		}
		return questions.sterms()
			.buckets()
			.array()
			.stream()
			.map(bucket -> QuestionStats.of(bucket.key().stringValue(), bucket.docCount(),
					bucket.aggregations().get(CORRECT).filter().docCount()))
			.sorted(Comparator.comparing(QuestionStats::questionId))
			.toList();
	}

}
