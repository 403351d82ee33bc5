/**
 * The {@code videoDropoff} query: how many reps reached each 15-second segment of a
 * video.
 */
package io.rollcall.api.dashboard.video;
