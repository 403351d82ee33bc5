package io.rollcall.platform.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;

class TenantTagsTests {

	@Test
	void onlyListedTenantsAreTaggedByName() {
		TenantTags tags = new TenantTags(Set.of("acme", "globex"));

		assertThat(tags.of("acme")).isEqualTo("acme");
		assertThat(tags.of("initech")).isEqualTo(TenantTags.OTHER);
		assertThat(tags.of(null)).isEqualTo(TenantTags.OTHER);
		assertThat(tags.values()).containsExactly("acme", "globex", "other");
	}

	@Test
	void byDefaultEveryTenantIsOther() {
		new ApplicationContextRunner().withUserConfiguration(Bound.class).run(context -> {
			ObservabilityProperties properties = context.getBean(ObservabilityProperties.class);
			assertThat(properties.taggedTenants()).isEmpty();
			assertThat(new TenantTags(properties.taggedTenants()).of("acme")).isEqualTo(TenantTags.OTHER);
		});
	}

	@Test
	void aTenantNamedOtherCannotBeTagged() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
			.withUserConfiguration(Bound.class)
			.withPropertyValues("rollcall.observability.tagged-tenants=acme,other")
			.run(context -> assertThat(context).getFailure()
				.hasStackTraceContaining("tagged-tenants must not name a tenant \"other\""));
	}

	@EnableConfigurationProperties(ObservabilityProperties.class)
	static class Bound {

	}

}
