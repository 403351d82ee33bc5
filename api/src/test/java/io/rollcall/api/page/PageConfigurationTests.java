package io.rollcall.api.page;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerProperties;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/**
 * The page is served unless {@code rollcall.page.enabled} is false (the chart's default).
 */
class PageConfigurationTests {

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withUserConfiguration(Settings.class, PageConfiguration.class)
		.withPropertyValues("spring.security.oauth2.resourceserver.jwt.issuer-uri=http://127.0.0.1:9000");

	@Test
	void servedByDefault() {
		this.runner.run(context -> assertThat(context).hasBean("dashboardPage"));
	}

	@Test
	void notServedWhenSwitchedOff() {
		this.runner.withPropertyValues("rollcall.page.enabled=false")
			.run(context -> assertThat(context).doesNotHaveBean("dashboardPage"));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties({ PageProperties.class, OAuth2ResourceServerProperties.class })
	static class Settings {

	}

}
