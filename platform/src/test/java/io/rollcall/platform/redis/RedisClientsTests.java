package io.rollcall.platform.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisCredentials;
import io.lettuce.core.RedisURI;
import io.rollcall.platform.TestCertificates;
import io.rollcall.schema.stream.IngestKeys;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class RedisClientsTests {

	private final ApplicationContextRunner context = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(RedisConnectionAutoConfiguration.class));

	@Test
	void aTlsAddressWithAnAclUserAndItsPasswordFromASecretOfItsOwn() {
		context
			.withPropertyValues("rollcall.redis.url=rediss://redis.example:6380/2", "rollcall.redis.username=rollcall",
					"rollcall.redis.password=s3cret-password", "rollcall.redis.command-timeout=750ms")
			.run(app -> {
				RedisURI uri = app.getBean(RedisClients.class).uri();
				assertThat(uri.isSsl()).isTrue();
				assertThat(uri.getHost()).isEqualTo("redis.example");
				assertThat(uri.getPort()).isEqualTo(6380);
				assertThat(uri.getDatabase()).isEqualTo(2);
				assertThat(uri.getTimeout()).isEqualTo(Duration.ofMillis(750));
				RedisCredentials credentials = uri.getCredentialsProvider().resolveCredentials().block();
				assertThat(credentials.getUsername()).isEqualTo("rollcall");
				assertThat(new String(credentials.getPassword())).isEqualTo("s3cret-password");
				assertThat(app.getBean(RedisConnectionProperties.class).toString()).doesNotContain("s3cret-password");
			});
	}

	@Test
	void aPasswordInTheUrlIsMaskedInToString() {
		context.withPropertyValues("rollcall.redis.url=redis://:in-url-secret@127.0.0.1:6379")
			.run(app -> assertThat(app.getBean(RedisConnectionProperties.class).toString())
				.contains("redis://******@127.0.0.1:6379")
				.doesNotContain("in-url-secret"));
	}

	@Test
	void keysCarryThePrefix() {
		context.withPropertyValues("rollcall.redis.key-prefix=run-42:")
			.run(app -> assertThat(app.getBean(IngestKeys.class).liveStream()).startsWith("run-42:"));
	}

	@Test
	void aCaCertificateIsReadAtStartUp(@TempDir Path dir) throws Exception {
		Path ca = TestCertificates.selfSigned(dir, "redis-test-ca");
		context
			.withPropertyValues("rollcall.redis.url=rediss://redis.example:6380",
					"rollcall.redis.ca-certificate=file:" + ca)
			.run(app -> assertThat(app.getBean(RedisClients.class).create()).satisfies(client -> {
				try {
					assertThat(client.getOptions().getSslOptions().createSslContextBuilder()).isNotNull();
				}
				finally {
					client.shutdown();
				}
			}));
	}

	@Test
	void anAddressThatIsNotRedisIsRefusedAtStartUp() {
		context.withPropertyValues("rollcall.redis.url=http://127.0.0.1:6379")
			.run(app -> assertThat(app).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("url must start with redis:// or rediss://"));
	}

}
