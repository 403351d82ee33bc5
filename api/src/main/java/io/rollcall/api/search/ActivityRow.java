package io.rollcall.api.search;

import java.time.Instant;
import java.util.Map;

/** One time bucket: its start and the events per type name (only types present). */
public record ActivityRow(Instant start, long total, Map<String, Long> byType) {

	public ActivityRow {
		byType = Map.copyOf(byType);
	}

}
