package io.rollcall.api.dashboard;

/** GraphQL {@code QuestionStats}. */
record QuestionStats(String questionId, long attempts, long correct, double correctRate) {
}
