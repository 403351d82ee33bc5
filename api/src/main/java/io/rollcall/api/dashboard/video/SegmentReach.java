package io.rollcall.api.dashboard;

/** GraphQL {@code SegmentReach}. */
record SegmentReach(int segment, long reps) {
}
