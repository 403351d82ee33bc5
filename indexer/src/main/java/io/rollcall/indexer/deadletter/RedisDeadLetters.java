package io.rollcall.indexer.deadletter;

import io.micrometer.core.instrument.MeterRegistry;
import io.rollcall.platform.redis.RedisConnection;
import io.rollcall.schema.stream.IngestKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Appends to {@link IngestKeys#deadLetterStream()}. The dead letter is written before the
 * original entry is acknowledged, so a crash in between re-delivers the entry (a
 * duplicate dead letter at worst), never loses the item. The stream is not trimmed by the
 * indexer: it only grows with items that need a human, and operators drain it.
 */
@Component
class RedisDeadLetters implements DeadLetters {

	private static final Logger log = LoggerFactory.getLogger(RedisDeadLetters.class);

	private final RedisConnection<String, String> connection;

	private final IngestKeys keys;

	private final MeterRegistry registry;

	RedisDeadLetters(RedisConnection<String, String> connection, IngestKeys keys, MeterRegistry registry) {
		this.connection = connection;
		this.keys = keys;
		this.registry = registry;
	}

	@Override
	public void add(DeadLetter letter) {
		connection.sync().xadd(keys.deadLetterStream(), letter.toFields());
		registry.counter("rollcall.indexer.dead.letters", "kind", letter.kind()).increment();
		log.warn("Dead-lettered an item of entry {} (tenant {}, {}): {}", letter.entryId(), letter.tenantId(),
				letter.kind(), letter.reason());
	}

}
