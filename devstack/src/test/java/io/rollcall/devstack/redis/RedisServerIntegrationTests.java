package io.rollcall.devstack.redis;

import java.nio.file.Path;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class RedisServerIntegrationTests {

	@Test
	void servesCommandsAndComesBackOnTheSamePort() {
		try (RedisServer server = RedisServer.start(RedisOptions.inMemory())) {
			String url = server.url();
			assertThat(url).isEqualTo("redis://127.0.0.1:" + server.port());
			assertThat(set(url, "greeting", "hello")).isEqualTo("hello");

			server.stop();
			assertThatIllegalStateException().isThrownBy(() -> RedisCommand.expect(url, "+PONG", "PING"));
			server.start();

			assertThat(server.url()).isEqualTo(url);
			assertThat(get(url, "greeting")).as("in-memory data is gone after a restart").isNull();
		}
	}

	@Test
	void keepsDataAcrossARestartWithAnAppendOnlyFile(@TempDir Path dir) {
		try (RedisServer server = RedisServer.start(RedisOptions.appendOnly(dir))) {
			set(server.url(), "greeting", "hello");
			server.stop();
			server.start();
			assertThat(get(server.url(), "greeting")).isEqualTo("hello");
		}
	}

	private static String set(String url, String key, String value) {
		try (RedisClient client = RedisClient.create(url);
				StatefulRedisConnection<String, String> connection = client.connect()) {
			connection.sync().set(key, value);
			return connection.sync().get(key);
		}
	}

	private static String get(String url, String key) {
		try (RedisClient client = RedisClient.create(url);
				StatefulRedisConnection<String, String> connection = client.connect()) {
			return connection.sync().get(key);
		}
	}

}
