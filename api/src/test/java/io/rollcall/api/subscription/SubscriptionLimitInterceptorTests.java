package io.rollcall.api.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.ExecutionResult;
import io.rollcall.api.YamlFixture;
import io.rollcall.api.security.TestCallers;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.graphql.server.WebSocketSessionInfo;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * The subscription limits against a fake chain whose subscriptions stay open until
 * disposed: each limit refuses with its own code, counts from the stream's start to its
 * end, and can run warn-only.
 */
class SubscriptionLimitInterceptorTests {

	private final List<Disposable> open = new java.util.ArrayList<>();

	@AfterEach
	void clear() {
		open.forEach(Disposable::dispose);
		SecurityContextHolder.clearContext();
	}

	@Test
	void aConnectionHoldsAtMostItsLimit() {
		SubscriptionLimitInterceptor limits = interceptor("""
				rollcall.limits.subscriptions:
				  max-per-connection: 2
				""");

		assertThat(subscribe(limits, "socket-1", "demo")).isNull();
		assertThat(subscribe(limits, "socket-1", "demo")).isNull();
		Map<String, Object> refused = subscribe(limits, "socket-1", "demo");
		assertThat(subscribe(limits, "socket-2", "demo")).as("another connection has room").isNull();

		assertThat(refused).containsEntry("code", "MAX_SUBSCRIPTIONS_PER_CONNECTION_EXCEEDED")
			.containsEntry("maxSubscriptions", 2);
	}

	@Test
	void aTenantHoldsAtMostItsLimitAcrossConnections() {
		SubscriptionLimitInterceptor limits = interceptor("""
				rollcall.limits.subscriptions:
				  max-per-tenant: 2
				""");

		subscribe(limits, "socket-1", "demo");
		subscribe(limits, "socket-2", "demo");
		Map<String, Object> refused = subscribe(limits, "socket-3", "demo");

		assertThat(refused).containsEntry("code", "MAX_SUBSCRIPTIONS_PER_TENANT_EXCEEDED")
			.containsEntry("maxSubscriptions", 2);
		assertThat(subscribe(limits, "socket-3", "other")).as("another tenant has room").isNull();
	}

	@Test
	void anEndedSubscriptionFreesItsPlace() {
		SubscriptionLimitInterceptor limits = interceptor("""
				rollcall.limits.subscriptions:
				  max-per-connection: 1
				""");
		subscribe(limits, "socket-1", "demo");
		assertThat(subscribe(limits, "socket-1", "demo")).isNotNull();

		open.getFirst().dispose();

		assertThat(subscribe(limits, "socket-1", "demo")).isNull();
	}

	@Test
	void warnOnlyLetsEverySubscriptionThrough() {
		SubscriptionLimitInterceptor limits = interceptor("""
				rollcall.limits.subscriptions:
				  max-per-connection: 1
				  max-per-tenant: 1
				  warn-only: true
				""");

		assertThat(subscribe(limits, "socket-1", "demo")).isNull();
		assertThat(subscribe(limits, "socket-1", "demo")).isNull();
	}

	@Test
	void queriesOverTheSocketAreNotCounted() {
		SubscriptionLimitInterceptor limits = interceptor("""
				rollcall.limits.subscriptions:
				  max-per-connection: 1
				""");
		AtomicInteger calls = new AtomicInteger();
		WebGraphQlInterceptor.Chain query = request -> {
			calls.incrementAndGet();
			return Mono.just(response(request, Map.of("programSummary", Map.of())));
		};

		authenticate("demo");
		for (int i = 0; i < 3; i++) {
			WebGraphQlResponse response = limits.intercept(request("socket-1"), query).block();
			assertThat(response.getErrors()).isEmpty();
		}
		assertThat(subscribe(limits, "socket-1", "demo")).isNull();
		assertThat(calls).hasValue(3);
	}

	/** Subscribes on {@code connection}: the refusal's extensions, or null when open. */
	private Map<String, Object> subscribe(SubscriptionLimitInterceptor limits, String connection, String tenant) {
		authenticate(tenant);
		Sinks.Empty<ExecutionResult> never = Sinks.empty();
		WebGraphQlInterceptor.Chain subscription = request -> Mono.just(response(request, never.asMono()));
		WebGraphQlResponse response = limits.intercept(request(connection), subscription).block();
		if (response.getExecutionResult().getData() instanceof Publisher<?> stream) {
			open.add(Flux.from(stream).subscribe());
			return null;
		}
		return response.getErrors().getFirst().getExtensions();
	}

	private static SubscriptionLimitInterceptor interceptor(String yaml) {
		SubscriptionLimitsProperties properties = YamlFixture.bind(yaml, "rollcall.limits.subscriptions",
				SubscriptionLimitsProperties.class);
		return new SubscriptionLimitInterceptor(new SubscriptionCounts(properties), TestCallers.withDefaultClaims());
	}

	private static WebSocketGraphQlRequest request(String connection) {
		WebSocketSessionInfo session = new Session(connection);
		return new WebSocketGraphQlRequest(URI.create("ws://127.0.0.1/graphql"), new HttpHeaders(), null, null,
				new HashMap<>(), Map.of("query", "subscription { changes { cursor } }"), "1", Locale.ENGLISH, session);
	}

	private static WebGraphQlResponse response(WebGraphQlRequest request, Object data) {
		return new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(),
				ExecutionResult.newExecutionResult().data(data).build()));
	}

	private static void authenticate(String tenant) {
		Jwt jwt = Jwt.withTokenValue("token").header("alg", "RS256").claim("tenant_id", tenant).build();
		SecurityContextHolder.getContext().setAuthentication(new JwtAuthenticationToken(jwt));
	}

	private record Session(String getId) implements WebSocketSessionInfo {

		@Override
		public Map<String, Object> getAttributes() {
			return Map.of();
		}

		@Override
		public URI getUri() {
			return URI.create("ws://127.0.0.1/graphql");
		}

		@Override
		public HttpHeaders getHeaders() {
			return new HttpHeaders();
		}

		@Override
		public Mono<java.security.Principal> getPrincipal() {
			return Mono.empty();
		}

		@Override
		public java.net.InetSocketAddress getRemoteAddress() {
			return null;
		}

	}

}
