package io.rollcall.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.lettuce.core.AclSetuserArgs;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.api.StatefulRedisConnection;
import io.rollcall.devstack.junit.DevStack;
import io.rollcall.devstack.junit.DevStackTest;
import io.rollcall.devstack.process.FreePort;
import io.rollcall.platform.elasticsearch.ElasticsearchConnectionAutoConfiguration;
import io.rollcall.platform.redis.RedisClients;
import io.rollcall.platform.redis.RedisConnection;
import io.rollcall.platform.redis.RedisConnector;
import io.rollcall.platform.redis.RedisConnectionAutoConfiguration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.elasticsearch.autoconfigure.ElasticsearchClientAutoConfiguration;
import org.springframework.boot.elasticsearch.autoconfigure.ElasticsearchRestClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Both connections, as the applications get them, against devstack's real services. */
@DevStackTest
class PlatformIntegrationTests {

	private final ApplicationContextRunner context = new ApplicationContextRunner().withConfiguration(AutoConfigurations
		.of(ElasticsearchConnectionAutoConfiguration.class, ElasticsearchRestClientAutoConfiguration.class,
				ElasticsearchClientAutoConfiguration.class, RedisConnectionAutoConfiguration.class));

	@Test
	void theSharedBindingReachesElasticsearchAndRedis(DevStack stack) {
		context
			.withPropertyValues("rollcall.elasticsearch.url=" + stack.elasticsearchUrl(),
					"rollcall.redis.url=" + stack.redisUrl())
			.run(app -> {
				assertThat(app.getBean(ElasticsearchClient.class).cluster().health().numberOfNodes()).isEqualTo(1);
				RedisConnector client = app.getBean(RedisClients.class).create();
				try (RedisConnection<String, String> connection = client.connect()) {
					assertThat(connection.sync().ping()).isEqualTo("PONG");
				}
				finally {
					client.shutdown();
				}
			});
	}

	@Test
	void redisIsHealthyWhileItAnswersPing(DevStack stack) {
		context.withPropertyValues("rollcall.redis.url=" + stack.redisUrl()).run(app -> {
			HealthIndicator redis = app.getBean("redisHealthIndicator", HealthIndicator.class);
			assertThat(redis.health().getStatus()).isEqualTo(Status.UP);
		});
		context
			.withPropertyValues("rollcall.redis.url=redis://127.0.0.1:" + FreePort.find(),
					"rollcall.redis.command-timeout=500ms")
			.run(app -> {
				HealthIndicator redis = app.getBean("redisHealthIndicator", HealthIndicator.class);
				assertThat(redis.health().getStatus()).isEqualTo(Status.DOWN);
			});
	}

	@Test
	void redisCredentialsReachTheServer(DevStack stack) {
		String user = "rollcall-" + stack.runId();
		RedisClient admin = RedisClient.create(stack.redisUrl());
		try (StatefulRedisConnection<String, String> connection = admin.connect()) {
			connection.sync()
				.aclSetuser(user, AclSetuserArgs.Builder.on().addPassword("right-password").allCommands().allKeys());
			assertThat(ping(stack, user, "right-password")).isEqualTo("PONG");
			assertThatThrownBy(() -> ping(stack, user, "wrong-password")).isInstanceOf(RedisException.class)
				.hasStackTraceContaining("WRONGPASS");
		}
		finally {
			try (StatefulRedisConnection<String, String> connection = admin.connect()) {
				connection.sync().aclDeluser(user);
			}
			admin.shutdown();
		}
	}

	private String ping(DevStack stack, String user, String password) {
		AtomicReference<String> answer = new AtomicReference<>();
		context
			.withPropertyValues("rollcall.redis.url=" + stack.redisUrl(), "rollcall.redis.username=" + user,
					"rollcall.redis.password=" + password)
			.run(app -> {
				RedisConnector client = app.getBean(RedisClients.class).create();
				try (RedisConnection<String, String> connection = client.connect()) {
					answer.set(connection.sync().ping());
				}
				finally {
					client.shutdown();
				}
			});
		return answer.get();
	}

}
