/** The {@code quizStats} query: attempts and correct answers per question of a lesson. */
package io.rollcall.api.dashboard.quiz;
