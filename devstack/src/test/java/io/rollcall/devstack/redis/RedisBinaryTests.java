package io.rollcall.devstack.redis;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RedisBinaryTests {

	@Test
	void acceptsRedis62AndNewer() {
		assertThat(RedisBinary.isAtLeast62("Redis server v=6.2.11 sha=00000000:0 malloc=jemalloc-5.1.0 bits=64"))
			.isTrue();
		assertThat(RedisBinary.isAtLeast62("Redis server v=7.0.15 sha=00000000:0")).isTrue();
		assertThat(RedisBinary.isAtLeast62("Redis server v=10.0.0")).isTrue();
	}

	@Test
	void rejectsOlderOrUnknownVersions() {
		assertThat(RedisBinary.isAtLeast62("Redis server v=6.0.16 sha=00000000:0")).isFalse();
		assertThat(RedisBinary.isAtLeast62("Redis server v=5.0.7")).isFalse();
		assertThat(RedisBinary.isAtLeast62("command not found")).isFalse();
	}

}
