package io.rollcall.schema.change;

import java.time.Instant;

/**
 * A rep's rollup in a program, as a {@link ChangeKind#PROGRESS_CHANGED} entry carries it.
 *
 * @param lessonsCompleted distinct lessons completed
 * @param lastActivityAt the latest event's time
 * @param quizAccuracy correct answers over answers; {@code null} before the first answer
 * @param complianceStatus the rep's status when the program has a catalog entry, else
 * {@code null}
 */
public record ProgressSnapshot(int lessonsCompleted, Instant lastActivityAt, Double quizAccuracy,
		ComplianceStatus complianceStatus) {
}
