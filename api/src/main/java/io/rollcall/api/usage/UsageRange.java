package io.rollcall.api.usage;

import java.time.Instant;

/**
 * GraphQL {@code TimeRange} of a usage read, and {@code from}/{@code to} of REST: [from,
 * to).
 */
record UsageRange(Instant from, Instant to) {
}
