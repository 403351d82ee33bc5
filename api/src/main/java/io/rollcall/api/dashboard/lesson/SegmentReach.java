package io.rollcall.api.dashboard.lesson;

/** GraphQL {@code SegmentReach}. */
record SegmentReach(int segment, long reps) {
}
