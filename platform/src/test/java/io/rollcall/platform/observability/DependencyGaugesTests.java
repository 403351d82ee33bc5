package io.rollcall.platform.observability;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.registry.DefaultHealthContributorRegistry;

class DependencyGaugesTests {

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final DefaultHealthContributorRegistry health = new DefaultHealthContributorRegistry();

	private final AtomicBoolean redisUp = new AtomicBoolean(true);

	@Test
	void eachDependencyIsOneWhileItsIndicatorSaysUpAndZeroOtherwise() {
		health.registerContributor("elasticsearch", (HealthIndicator) () -> Health.down().build());
		health.registerContributor("redis",
				(HealthIndicator) () -> redisUp.get() ? Health.up().build() : Health.down().build());
		DependencyGauges gauges = new DependencyGauges(health, meters, Duration.ofSeconds(10));

		assertThat(up("elasticsearch")).as("nothing probed yet").isZero();
		assertThat(up("redis")).as("nothing probed yet").isZero();
		gauges.probe();
		assertThat(up("elasticsearch")).isZero();
		assertThat(up("redis")).isOne();
		redisUp.set(false);
		gauges.probe();
		assertThat(up("redis")).isZero();
	}

	@Test
	void anIndicatorThatThrowsIsDown() {
		health.registerContributor("redis", (HealthIndicator) () -> {
			throw new IllegalStateException("no connection");
		});
		DependencyGauges gauges = new DependencyGauges(health, meters, Duration.ofSeconds(10));

		gauges.probe();

		assertThat(up("redis")).isZero();
		assertThat(meters.find("rollcall.dependency.up").tag("dependency", "elasticsearch").gauge())
			.as("no indicator, no gauge")
			.isNull();
	}

	private double up(String dependency) {
		return meters.get("rollcall.dependency.up").tag("dependency", dependency).gauge().value();
	}

}
