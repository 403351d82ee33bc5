package io.rollcall.indexer.backfill;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * The progress of one backfill load, as kept in its Redis hash
 * ({@code <prefix>backfill:<id>}).
 *
 * @param id the backfill id
 * @param tenantId the tenant the history belongs to
 * @param total the non-blank lines of the file: valid and invalid events together
 * @param enqueued valid events written to the backfill stream
 * @param applied events of acknowledged backfill entries: written to Elasticsearch,
 * already there, or set aside as dead letters (a re-delivered entry is counted once)
 * @param errors invalid lines, never enqueued (listed in
 * {@code <prefix>backfill:<id>:errors})
 * @param lastLine the last line of the file the loader is done with (1-based): where a
 * new run resumes
 * @param startedAt when the first run of the load started
 * @param updatedAt the last time the loader or the indexer moved the counters
 * @param loadedAt when the loader reached the end of the file; {@code null} before
 */
public record BackfillStatus(String id, String tenantId, long total, long enqueued, long applied, long errors,
		long lastLine, Instant startedAt, Instant updatedAt, Instant loadedAt) {

	static final String TENANT = "tenant";
	static final String FILE = "file";
	static final String TOTAL = "total";
	static final String ENQUEUED = "enqueued";
	static final String APPLIED = "applied";
	static final String ERRORS = "errors";
	static final String LAST_LINE = "last_line";
	static final String STARTED_AT = "started_at";
	static final String UPDATED_AT = "updated_at";
	static final String LOADED_AT = "loaded_at";

	static BackfillStatus from(String id, Map<String, String> hash) {
		return new BackfillStatus(id, hash.get(TENANT), number(hash, TOTAL), number(hash, ENQUEUED),
				number(hash, APPLIED), number(hash, ERRORS), number(hash, LAST_LINE), instant(hash, STARTED_AT),
				instant(hash, UPDATED_AT), instant(hash, LOADED_AT));
	}

	/** Whether the whole file is enqueued and every enqueued event is applied. */
	public boolean isDone() {
		return loadedAt != null && applied >= enqueued;
	}

	/**
	 * The valid and invalid events handled so far (applied plus errors), out of
	 * {@link #total}.
	 */
	public long done() {
		return applied + errors;
	}

	/**
	 * The average rate at which the indexer applied this load, from its start to the last
	 * update.
	 */
	public double eventsPerSecond() {
		if (startedAt == null || updatedAt == null || !updatedAt.isAfter(startedAt)) {
			return 0;
		}
		return applied * 1000.0 / Duration.between(startedAt, updatedAt).toMillis();
	}

	private static long number(Map<String, String> hash, String field) {
		String value = hash.get(field);
		return value == null ? 0 : Long.parseLong(value);
	}

	private static Instant instant(Map<String, String> hash, String field) {
		String value = hash.get(field);
		return value == null ? null : Instant.parse(value);
	}
}
