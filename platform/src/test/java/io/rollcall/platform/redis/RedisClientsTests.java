package io.rollcall.platform.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCredentials;
import io.lettuce.core.RedisURI;
import io.lettuce.core.cluster.ClusterClientOptions;
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
			.run(app -> assertThat(app.getBean(RedisClients.class).create()).satisfies(connector -> {
				try {
					RedisClient client = ((RedisConnector.Standalone) connector).client();
					assertThat(client.getOptions().getSslOptions().createSslContextBuilder()).isNotNull();
				}
				finally {
					connector.shutdown();
				}
			}));
	}

	@Test
	void oneAddressIsOneServer() {
		context.withPropertyValues("rollcall.redis.url=redis://redis.example:6379").run(app -> {
			RedisConnector connector = app.getBean(RedisClients.class).create();
			try {
				assertThat(connector).isInstanceOf(RedisConnector.Standalone.class);
			}
			finally {
				connector.shutdown();
			}
		});
	}

	@Test
	void severalAddressesAreTheSeedsOfACluster() {
		context
			.withPropertyValues("rollcall.redis.url=rediss://10.0.0.1:7000,10.0.0.2:7001",
					"rollcall.redis.username=rollcall", "rollcall.redis.password=s3cret-password",
					"rollcall.redis.command-timeout=750ms")
			.run(app -> {
				RedisClients clients = app.getBean(RedisClients.class);
				assertThat(clients.properties().isClusterMode()).isTrue();
				assertThat(clients.seeds()).extracting(RedisURI::getHost, RedisURI::getPort, RedisURI::isSsl)
					.containsExactly(tuple("10.0.0.1", 7000, true), tuple("10.0.0.2", 7001, true));
				assertThat(clients.seeds()).allSatisfy(seed -> {
					assertThat(seed.getTimeout()).isEqualTo(Duration.ofMillis(750));
					RedisCredentials credentials = seed.getCredentialsProvider().resolveCredentials().block();
					assertThat(credentials.getUsername()).isEqualTo("rollcall");
					assertThat(new String(credentials.getPassword())).isEqualTo("s3cret-password");
				});
				RedisConnector connector = clients.create();
				try {
					assertThat(connector)
						.isInstanceOfSatisfying(RedisConnector.Cluster.class,
								cluster -> assertThat(((ClusterClientOptions) cluster.client().getOptions())
									.getTopologyRefreshOptions()
									.isPeriodicRefreshEnabled()).isTrue());
				}
				finally {
					connector.shutdown();
				}
			});
	}

	@Test
	void aClusterBehindOneAddressIsSaidSo() {
		context.withPropertyValues("rollcall.redis.url=rediss://clustercfg.example:6379", "rollcall.redis.cluster=true")
			.run(app -> {
				RedisClients clients = app.getBean(RedisClients.class);
				assertThat(clients.properties().isClusterMode()).isTrue();
				assertThat(clients.seeds()).extracting(RedisURI::getHost).containsExactly("clustercfg.example");
			});
	}

	@Test
	void aClusterHasNoDatabaseButZero() {
		context.withPropertyValues("rollcall.redis.url=redis://10.0.0.1:7000,10.0.0.2:7001/3")
			.run(app -> assertThat(app).hasFailed().getFailure().rootCause().hasMessageContaining("a Redis Cluster"));
		context.withPropertyValues("rollcall.redis.url=redis://10.0.0.1:7000,10.0.0.2:7001/0")
			.run(app -> assertThat(app).hasNotFailed());
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
