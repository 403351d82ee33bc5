package io.rollcall.api.dashboard.activity;

import java.time.Instant;

/** GraphQL {@code TimeRange}: [from, to). */
record TimeRange(Instant from, Instant to) {
}
