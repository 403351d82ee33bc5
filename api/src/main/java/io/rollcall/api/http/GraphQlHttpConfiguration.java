package io.rollcall.api.http;

import io.rollcall.api.ingest.CacheGenerations;
import io.rollcall.api.security.Callers;
import org.springframework.boot.graphql.autoconfigure.GraphQlProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.http.MediaType;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.type.LogicalType;
import tools.jackson.databind.json.JsonMapper;

/**
 * GraphQL over HTTP: the api's handler in place of Boot's {@code GraphQlHttpHandler}
 * (Boot routes POST to it), the GET route (ahead of Boot's routes, which answer GET with
 * 405), and the rule that GET runs queries only.
 */
@Configuration(proxyBeanMethods = false)
class GraphQlHttpConfiguration {

	/**
	 * After the document guard (which finds the operation's kind), before the rate
	 * limiter (a refused mutation is not charged).
	 */
	static final int INTERCEPTOR_ORDER = Ordered.HIGHEST_PRECEDENCE + 150;

	/**
	 * Boot's JSON settings, except that numbers and booleans are not read as strings:
	 * {@code "query": 0} or {@code "operationName": false} is an unreadable request
	 * (400), not the document {@code "0"}.
	 */
	@Bean
	GraphQlOverHttpHandler graphQlHttpHandler(WebGraphQlHandler handler, JsonMapper json, CacheGenerations generations,
			Callers callers) {
		JsonMapper strict = json.rebuild()
			.withCoercionConfig(LogicalType.Textual,
					strings -> strings.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
			.build();
		return new GraphQlOverHttpHandler(handler, new JacksonJsonHttpMessageConverter(strict), new GetRequests(json),
				new QueryETags(generations, callers));
	}

	/**
	 * Before Boot's GraphQL routes (order 0); the WebSocket handshake is mapped ahead of
	 * both.
	 */
	@Bean
	@Order(-1)
	RouterFunction<ServerResponse> graphQlGetRoute(GraphQlOverHttpHandler handler, GraphQlProperties properties) {
		return RouterFunctions.route().GET(properties.getHttp().getPath(), handler::handleGet).build();
	}

	/**
	 * GraphiQL, the api's own page ({@code static/graphiql/}): its scripts are WebJars
	 * packaged with the api, where Spring's page loads them from a CDN.
	 */
	@Bean
	RouterFunction<ServerResponse> graphiQlPage() {
		Resource page = new ClassPathResource("static/graphiql/index.html");
		return RouterFunctions.route()
			.GET("/graphiql", request -> ServerResponse.ok().contentType(MediaType.TEXT_HTML).body(page))
			.build();
	}

	@Bean
	@Order(INTERCEPTOR_ORDER)
	WebGraphQlInterceptor queriesOnlyOnGetInterceptor() {
		return new QueriesOnlyOnGetInterceptor();
	}

}
