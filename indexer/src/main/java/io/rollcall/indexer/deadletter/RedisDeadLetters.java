package io.rollcall.indexer.deadletter;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.rollcall.platform.observability.TenantTags;
import io.rollcall.platform.redis.RedisConnection;
import io.rollcall.schema.stream.EntryKind;
import io.rollcall.schema.stream.IngestKeys;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Appends to {@link IngestKeys#deadLetterStream()}. The dead letter is written before the
 * original entry is acknowledged, so a crash in between re-delivers the entry (a
 * duplicate dead letter at worst), never loses the item. The stream is not trimmed by the
 * indexer: it only grows with items that need a human, and operators drain it.
 *
 * <p>
 * Each dead letter counts in {@code rollcall.deadletter} by kind and bounded tenant. The
 * counters exist from the start, at zero: the chart's alert looks for an
 * {@code increase()}, which a series born at 1 would not show.
 */
@Component
class RedisDeadLetters implements DeadLetters {

	private static final Logger log = LoggerFactory.getLogger(RedisDeadLetters.class);

	private final RedisConnection<String, String> connection;

	private final IngestKeys keys;

	private final MeterRegistry registry;

	private final TenantTags tenants;

	RedisDeadLetters(RedisConnection<String, String> connection, IngestKeys keys, MeterRegistry registry,
			TenantTags tenants) {
		this.connection = connection;
		this.keys = keys;
		this.registry = registry;
		this.tenants = tenants;
		List<String> kinds = new ArrayList<>(Arrays.stream(EntryKind.values()).map(EntryKind::name).toList());
		kinds.add(DeadLetter.UNKNOWN);
		for (String tenant : tenants.values()) {
			kinds.forEach(kind -> counter(kind, tenant));
		}
	}

	@Override
	public void add(DeadLetter letter) {
		connection.sync().xadd(keys.deadLetterStream(), letter.toFields());
		counter(letter.kind(), tenants.of(letter.tenantId())).increment();
		log.warn("Dead-lettered an item of entry {} (tenant {}, {}): {}", letter.entryId(), letter.tenantId(),
				letter.kind(), letter.reason());
	}

	private Counter counter(String kind, String tenant) {
		return registry.counter("rollcall.deadletter", "kind", kind, TenantTags.TAG, tenant);
	}

}
