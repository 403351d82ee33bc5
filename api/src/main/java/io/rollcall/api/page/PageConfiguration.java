package io.rollcall.api.page;

import java.util.Map;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Serves the page ({@code static/dashboard/index.html} at {@code /}; its modules and
 * styles are static resources under {@code /dashboard/}) and the settings it starts from,
 * unless {@code rollcall.page.enabled} is false.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "rollcall.page.enabled", matchIfMissing = true)
class PageConfiguration {

	@Bean
	RouterFunction<ServerResponse> dashboardPage(PageProperties page, OAuth2ResourceServerProperties resourceServer) {
		Resource html = new ClassPathResource("static/dashboard/index.html");
		// The issuer the api trusts is the one the page signs in with.
		Map<String, Object> config = Map.of("issuer", resourceServer.getJwt().getIssuerUri(), "clientId",
				page.clientId(), "scope", page.scope(), "programId", page.programId(), "refreshIntervalMs",
				page.refreshInterval().toMillis());
		return RouterFunctions.route()
			.GET("/", request -> ServerResponse.ok().contentType(MediaType.TEXT_HTML).body(html))
			.GET("/dashboard/config",
					request -> ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).body(config))
			.build();
	}

}
