package io.rollcall.api.dashboard.video;

/** GraphQL {@code SegmentReach}. */
record SegmentReach(int segment, long reps) {
}
