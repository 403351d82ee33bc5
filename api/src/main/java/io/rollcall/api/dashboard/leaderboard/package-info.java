/**
 * The {@code leaderboard} query: a program's top reps by a metric, with their contacts.
 */
package io.rollcall.api.dashboard.leaderboard;
