package io.rollcall.indexer.progress;

import static org.assertj.core.api.Assertions.assertThat;

import io.rollcall.schema.index.ProgressDocument;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RollupTests {

	private static final Instant FIRST = Instant.parse("2026-01-05T08:00:00Z");

	private static final Instant LAST = Instant.parse("2026-01-06T08:00:00Z");

	@Test
	void theDocumentCarriesSortedLessonsCountsAccuracyAndGeneration() {
		Rollup rollup = new Rollup("t", "p", "c", 12, List.of("lesson-2", "lesson-1"), List.of("lesson-1"), 4, 3, FIRST,
				LAST);

		Map<String, Object> document = rollup.toDocument(42);

		assertThat(document).containsEntry(ProgressDocument.EVENT_COUNT, 12L)
			.containsEntry(ProgressDocument.LESSONS_STARTED, List.of("lesson-1", "lesson-2"))
			.containsEntry(ProgressDocument.LESSONS_COMPLETED_COUNT, 1)
			.containsEntry(ProgressDocument.QUIZ_ACCURACY, 0.75)
			.containsEntry(ProgressDocument.FIRST_ACTIVITY_AT, "2026-01-05T08:00:00Z")
			.containsEntry(ProgressDocument.LAST_ACTIVITY_AT, "2026-01-06T08:00:00Z")
			.containsEntry(ProgressDocument.GENERATION, 42L);
	}

	@Test
	void accuracyIsNullNotZeroWithoutQuizAnswers() {
		Rollup rollup = new Rollup("t", "p", "c", 1, List.of("lesson-1"), List.of(), 0, 0, FIRST, FIRST);

		assertThat(rollup.toDocument(1)).containsEntry(ProgressDocument.QUIZ_ACCURACY, null);
	}

}
