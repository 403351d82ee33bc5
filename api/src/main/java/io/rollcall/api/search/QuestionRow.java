package io.rollcall.api.search;

/** Answers to one quiz question. */
public record QuestionRow(String questionId, long attempts, long correct) {
}
