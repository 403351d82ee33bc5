/**
 * Reps a page at a time: the {@code repProgress} table, and the pages of progress rollups
 * (sorted, {@code search_after}, opaque cursors) that compliance and the leaderboard list
 * reps with.
 */
package io.rollcall.api.dashboard.reps;
