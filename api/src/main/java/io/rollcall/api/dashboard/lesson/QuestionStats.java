package io.rollcall.api.dashboard.lesson;

/** GraphQL {@code QuestionStats}. */
record QuestionStats(String questionId, long attempts, long correct, double correctRate) {

	/** A question answered {@code attempts} times (at least once). */
	static QuestionStats of(String questionId, long attempts, long correct) {
		return new QuestionStats(questionId, attempts, correct, (double) correct / attempts);
	}

}
