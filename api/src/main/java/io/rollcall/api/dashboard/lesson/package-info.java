/**
 * The queries about one lesson of a program, read from its events: {@code quizStats}
 * (attempts and correct answers per question of its quiz) and {@code videoDropoff} (how
 * many reps reached each 15-second segment of its video).
 */
package io.rollcall.api.dashboard.lesson;
