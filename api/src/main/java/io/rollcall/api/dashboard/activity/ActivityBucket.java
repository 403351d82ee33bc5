package io.rollcall.api.dashboard.activity;

import java.time.Instant;
import java.util.List;

/** GraphQL {@code ActivityBucket}. */
record ActivityBucket(Instant start, long total, List<TypeCount> byType) {

	record TypeCount(String type, long count) {
	}

}
