package io.rollcall.platform.observability;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.health.registry.HealthContributorRegistry;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * {@code rollcall_dependency_up{dependency="elasticsearch|redis"}}: 1 while the
 * dependency's health indicator (the same one readiness uses) says UP, 0 otherwise. The
 * indicators run every {@code dependency-probe-interval} on a thread of their own and the
 * gauges report the last answer: a scrape never waits for a store that hangs.
 */
final class DependencyGauges implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(DependencyGauges.class);

	/** The health contributors watched, by their names in the health endpoint. */
	static final List<String> DEPENDENCIES = List.of("elasticsearch", "redis");

	private final HealthContributorRegistry health;

	private final Duration interval;

	private final Map<String, Integer> up = new ConcurrentHashMap<>();

	private ThreadPoolTaskScheduler scheduler;

	private ScheduledFuture<?> probe;

	DependencyGauges(HealthContributorRegistry health, MeterRegistry meters, Duration interval) {
		this.health = health;
		this.interval = interval;
		for (String dependency : DEPENDENCIES) {
			if (health.getContributor(dependency) instanceof HealthIndicator) {
				this.up.put(dependency, 0);
				Gauge.builder("rollcall.dependency.up", this.up, values -> values.get(dependency))
					.description("1 while the dependency answers its health check, 0 while not")
					.tag("dependency", dependency)
					.register(meters);
			}
		}
	}

	/** Checks every dependency once and remembers the answers. */
	void probe() {
		this.up.replaceAll((dependency, previous) -> {
			int now = isUp(dependency) ? 1 : 0;
			if (now != previous) {
				log.info("{} is {}", dependency, now == 1 ? "reachable" : "unreachable");
			}
			return now;
		});
	}

	private boolean isUp(String dependency) {
		HealthContributor contributor = this.health.getContributor(dependency);
		try {
			return contributor instanceof HealthIndicator indicator
					&& Status.UP.equals(indicator.health(false).getStatus());
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	@Override
	public synchronized void start() {
		this.scheduler = new ThreadPoolTaskScheduler();
		this.scheduler.setThreadNamePrefix("rollcall-dependency-probe-");
		this.scheduler.initialize();
		this.probe = this.scheduler.scheduleWithFixedDelay(this::probe, this.interval);
	}

	@Override
	public synchronized void stop() {
		this.probe.cancel(false);
		this.scheduler.shutdown();
		this.scheduler = null;
	}

	@Override
	public synchronized boolean isRunning() {
		return this.scheduler != null;
	}

}
