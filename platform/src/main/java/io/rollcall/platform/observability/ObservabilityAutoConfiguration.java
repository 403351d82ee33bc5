package io.rollcall.platform.observability;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.registry.HealthContributorRegistryAutoConfiguration;
import org.springframework.boot.health.registry.HealthContributorRegistry;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * What both applications' metrics share: the bounded {@code tenant} tag and the
 * {@code rollcall_dependency_up} gauges.
 */
@AutoConfiguration(
		after = { HealthContributorRegistryAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class })
@EnableConfigurationProperties(ObservabilityProperties.class)
public class ObservabilityAutoConfiguration {

	@Bean
	TenantTags tenantTags(ObservabilityProperties properties) {
		return new TenantTags(properties.taggedTenants());
	}

	@Bean
	DependencyGauges dependencyGauges(HealthContributorRegistry health, MeterRegistry meters,
			ObservabilityProperties properties) {
		return new DependencyGauges(health, meters, properties.dependencyProbeInterval());
	}

}
