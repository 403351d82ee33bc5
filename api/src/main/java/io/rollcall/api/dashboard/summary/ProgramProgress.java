package io.rollcall.api.dashboard.summary;

import java.util.Map;

/**
 * Raw totals of one program's progress rollups for one tenant, before any dashboard
 * logic.
 *
 * @param reps progress documents, i.e. reps with any event in the program (exact hit
 * count)
 * @param events the sum of their event counts
 * @param quizAnswered the sum of quiz answers
 * @param quizCorrect the sum of correct quiz answers
 * @param startedReps per lesson id, reps that started it (exact: one tenant is one shard)
 * @param completedReps per lesson id, reps that completed it
 */
record ProgramProgress(long reps, long events, long quizAnswered, long quizCorrect, Map<String, Long> startedReps,
		Map<String, Long> completedReps) {

	public ProgramProgress {
		startedReps = Map.copyOf(startedReps);
		completedReps = Map.copyOf(completedReps);
	}

	static ProgramProgress empty() {
		return new ProgramProgress(0, 0, 0, 0, Map.of(), Map.of());
	}
}
