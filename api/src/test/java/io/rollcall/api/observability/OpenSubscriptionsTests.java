package io.rollcall.api.observability;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.ExecutionResult;
import graphql.ExecutionResultImpl;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.ExecutionGraphQlResponse;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.http.HttpHeaders;
import java.util.ArrayList;
import java.util.List;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

class OpenSubscriptionsTests {

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final OpenSubscriptions subscriptions = new OpenSubscriptions(meters);

	private final WebGraphQlRequest request = new WebGraphQlRequest(URI.create("http://localhost/graphql"),
			new HttpHeaders(), null, null, Map.of(),
			Map.of("query", "subscription { dashboardChanges { generation } }"), "1", null);

	@Test
	void aSubscriptionIsOpenFromItsSubscribeToItsEnd() {
		Sinks.Many<ExecutionResult> results = Sinks.many().unicast().onBackpressureBuffer();
		WebGraphQlResponse response = subscriptions.intercept(request, respondingWith(results.asFlux())).block();

		List<Object> received = new ArrayList<>();

		assertThat(open()).as("not subscribed yet").isZero();
		Flux.from(data(response)).subscribe(received::add);
		assertThat(open()).isOne();
		results.tryEmitNext(ExecutionResultImpl.newExecutionResult().data(Map.of()).build());
		assertThat(received).hasSize(1);
		assertThat(open()).isOne();
		results.tryEmitComplete();
		assertThat(open()).isZero();
	}

	@Test
	void aCancelledSubscriptionIsClosed() {
		WebGraphQlResponse response = subscriptions.intercept(request, respondingWith(Flux.never())).block();

		Disposable subscription = Flux.from(data(response)).subscribe();
		assertThat(open()).isOne();
		subscription.dispose();
		assertThat(open()).isZero();
	}

	@Test
	void queriesAreNotSubscriptions() {
		WebGraphQlResponse response = subscriptions.intercept(request, respondingWith(null)).block();

		assertThat(data(response)).isNull();
		assertThat(open()).isZero();
	}

	private static org.reactivestreams.Publisher<?> data(WebGraphQlResponse response) {
		return response.getData();
	}

	private double open() {
		return meters.get("rollcall.subscriptions.open").gauge().value();
	}

	private static org.springframework.graphql.server.WebGraphQlInterceptor.Chain respondingWith(Object data) {
		return request -> {
			ExecutionGraphQlResponse response = new DefaultExecutionGraphQlResponse(request.toExecutionInput(),
					ExecutionResultImpl.newExecutionResult().data(data).build());
			return Mono.just(new WebGraphQlResponse(response));
		};
	}

}
