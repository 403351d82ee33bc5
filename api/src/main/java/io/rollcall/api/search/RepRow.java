package io.rollcall.api.search;

import java.time.Instant;
import java.util.List;

/**
 * One rep's progress rollup in a program, with the sort values of its page position.
 *
 * @param contactId the rep
 * @param eventCount the rep's events in the program
 * @param lessonsCompleted distinct lessons with LESSON_COMPLETED
 * @param lastActivityAt the latest occurredAt
 * @param quizAnswered quiz answers
 * @param quizCorrect correct quiz answers
 * @param sortValues what to pass back as {@code after} to continue after this row (Long,
 * Double or String values)
 */
public record RepRow(String contactId, long eventCount, int lessonsCompleted, Instant lastActivityAt, long quizAnswered,
		long quizCorrect, List<Object> sortValues) {

	/** Correct / all quiz answers; {@code null} when the rep answered none. */
	public Double quizAccuracy() {
		return quizAnswered == 0 ? null : (double) quizCorrect / quizAnswered;
	}

}
