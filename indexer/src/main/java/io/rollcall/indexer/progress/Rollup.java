package io.rollcall.indexer.progress;

import io.rollcall.schema.index.ProgressDocument;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One rep's progress in one program, as aggregated from the rep's events in that program.
 * Lesson lists are sorted so that recomputing an unchanged rollup writes an identical
 * document.
 */
public record Rollup(String tenantId, String programId, String contactId, long eventCount, List<String> lessonsStarted,
		List<String> lessonsCompleted, long quizAnswered, long quizCorrect, Instant firstActivityAt,
		Instant lastActivityAt) {

	public Rollup {
		lessonsStarted = lessonsStarted.stream().sorted().toList();
		lessonsCompleted = lessonsCompleted.stream().sorted().toList();
	}

	/**
	 * The share of correct quiz answers, or {@code null} when the rep answered none (not
	 * 0: "no data").
	 */
	public Double quizAccuracy() {
		return quizAnswered == 0 ? null : (double) quizCorrect / quizAnswered;
	}

	Map<String, Object> toDocument(long generation) {
		Map<String, Object> source = new LinkedHashMap<>();
		source.put(ProgressDocument.TENANT_ID, tenantId);
		source.put(ProgressDocument.PROGRAM_ID, programId);
		source.put(ProgressDocument.CONTACT_ID, contactId);
		source.put(ProgressDocument.EVENT_COUNT, eventCount);
		source.put(ProgressDocument.LESSONS_STARTED, lessonsStarted);
		source.put(ProgressDocument.LESSONS_COMPLETED, lessonsCompleted);
		source.put(ProgressDocument.LESSONS_COMPLETED_COUNT, lessonsCompleted.size());
		source.put(ProgressDocument.QUIZ_ANSWERED, quizAnswered);
		source.put(ProgressDocument.QUIZ_CORRECT, quizCorrect);
		source.put(ProgressDocument.QUIZ_ACCURACY, quizAccuracy());
		source.put(ProgressDocument.FIRST_ACTIVITY_AT, firstActivityAt.toString());
		source.put(ProgressDocument.LAST_ACTIVITY_AT, lastActivityAt.toString());
		source.put(ProgressDocument.GENERATION, generation);
		return source;
	}
}
