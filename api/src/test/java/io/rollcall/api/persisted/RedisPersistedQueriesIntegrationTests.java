package io.rollcall.api.persisted;

import static org.assertj.core.api.Assertions.assertThat;

import io.rollcall.devstack.junit.DevStack;
import io.rollcall.devstack.junit.DevStackTest;
import io.rollcall.platform.redis.RedisClients;
import io.rollcall.platform.redis.RedisConnectionProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/**
 * The registry's bounds on the real Redis of devstack, with a clock the test moves: a
 * document unused for the TTL goes, a lookup counts as a use, the least recently used
 * goes past the size limit, a document over the size limit is not kept, and two
 * registries on one Redis (two api replicas) share what either registered.
 */
@DevStackTest
class RedisPersistedQueriesIntegrationTests {

	private final MovableClock clock = new MovableClock();

	private final List<RedisPersistedQueries> registries = new ArrayList<>();

	private RedisClients redis;

	@BeforeEach
	void connect(DevStack stack) {
		redis = new RedisClients(new RedisConnectionProperties(stack.redisUrl(), false, null, null, null,
				stack.redisKeyPrefix(), Duration.ofSeconds(2), Duration.ofSeconds(2)));
	}

	@AfterEach
	void close() {
		registries.forEach(RedisPersistedQueries::destroy);
		redis.destroy();
	}

	@Test
	void aDocumentUnusedForTheTtlIsGoneAndALookupIsAUse() {
		RedisPersistedQueries queries = registry(10, Duration.ofHours(1));
		queries.register("a", "{ a }");
		queries.register("b", "{ b }");

		clock.advance(Duration.ofMinutes(50));
		assertThat(queries.lookup("a")).hasValue("{ a }");
		clock.advance(Duration.ofMinutes(20));

		assertThat(queries.lookup("a")).hasValue("{ a }");
		assertThat(queries.lookup("b")).isEmpty();
	}

	@Test
	void pastTheSizeLimitTheLeastRecentlyUsedGo() {
		RedisPersistedQueries queries = registry(2, Duration.ofDays(7));
		queries.register("a", "{ a }");
		clock.advance(Duration.ofSeconds(1));
		queries.register("b", "{ b }");
		clock.advance(Duration.ofSeconds(1));
		queries.lookup("a");
		clock.advance(Duration.ofSeconds(1));

		queries.register("c", "{ c }");

		assertThat(queries.lookup("a")).hasValue("{ a }");
		assertThat(queries.lookup("b")).isEmpty();
		assertThat(queries.lookup("c")).hasValue("{ c }");
	}

	@Test
	void aDocumentOverTheSizeLimitIsNotKept() {
		RedisPersistedQueries queries = registry(10, Duration.ofDays(7));

		queries.register("big", "{ " + "a ".repeat(11_000) + "}");

		assertThat(queries.lookup("big")).isEmpty();
	}

	@Test
	void replicasShareTheRegistry() {
		RedisPersistedQueries one = registry(10, Duration.ofDays(7));
		RedisPersistedQueries other = registry(10, Duration.ofDays(7));

		one.register("a", "{ a }");

		assertThat(other.lookup("a")).hasValue("{ a }");
	}

	private RedisPersistedQueries registry(int maxEntries, Duration ttl) {
		RedisPersistedQueries queries = new RedisPersistedQueries(redis,
				new PersistedDocumentsProperties.Automatic(maxEntries, ttl, DataSize.ofKilobytes(20)), clock);
		registries.add(queries);
		return queries;
	}

	/** A clock the test moves forward. */
	private static final class MovableClock extends Clock {

		private Instant now = Instant.parse("2026-12-01T00:00:00Z");

		void advance(Duration duration) {
			now = now.plus(duration);
		}

		@Override
		public Instant instant() {
			return now;
		}

		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

	}

}
