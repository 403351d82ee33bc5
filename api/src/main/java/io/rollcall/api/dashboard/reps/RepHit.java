package io.rollcall.api.dashboard.reps;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.rollcall.schema.index.ProgressDocument;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/**
 * One rep's progress rollup in a program, as a page reads it from {@code _source}.
 *
 * @param contactId the rep
 * @param eventCount the rep's events in the program
 * @param lessonsCompleted distinct lessons with LESSON_COMPLETED
 * @param lastActivityAt the latest occurredAt
 * @param quizAnswered quiz answers
 * @param quizCorrect correct quiz answers
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RepHit(@JsonProperty(ProgressDocument.CONTACT_ID) String contactId,
		@JsonProperty(ProgressDocument.EVENT_COUNT) long eventCount,
		@JsonProperty(ProgressDocument.LESSONS_COMPLETED_COUNT) int lessonsCompleted,
		@JsonProperty(ProgressDocument.LAST_ACTIVITY_AT) Instant lastActivityAt,
		@JsonProperty(ProgressDocument.QUIZ_ANSWERED) long quizAnswered,
		@JsonProperty(ProgressDocument.QUIZ_CORRECT) long quizCorrect) {

	/**
	 * The rollup fields above, the only ones a page asks for: not the lists of started
	 * and completed lesson ids (up to 1.3 KB of a rollup in a 55-lesson program, over
	 * half a megabyte of a 500-rep page for Elasticsearch to write and the api to parse).
	 */
	static final List<String> FIELDS = Stream.of(RepHit.class.getRecordComponents())
		.map(component -> component.getAccessor().getAnnotation(JsonProperty.class).value())
		.toList();

	/** Correct / all quiz answers; {@code null} when the rep answered none. */
	public Double quizAccuracy() {
		return quizAnswered == 0 ? null : (double) quizCorrect / quizAnswered;
	}

}
