/**
 * The {@code programSummary} query: a program's active reps, events, quiz accuracy and
 * per-lesson reach, from the progress rollups.
 */
package io.rollcall.api.dashboard.summary;
