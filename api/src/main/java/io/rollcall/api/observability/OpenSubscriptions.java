package io.rollcall.api.observability;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicInteger;
import org.reactivestreams.Publisher;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code rollcall_subscriptions_open}: GraphQL subscriptions whose stream is subscribed
 * and not yet completed, failed or cancelled, on this instance. Counted where every
 * subscription passes (the response of a subscription operation is a stream of results),
 * so a subscription field added to the schema is counted without anything of its own.
 */
final class OpenSubscriptions implements WebGraphQlInterceptor {

	private final AtomicInteger open = new AtomicInteger();

	OpenSubscriptions(MeterRegistry meters) {
		Gauge.builder("rollcall.subscriptions.open", this.open, AtomicInteger::get)
			.description("GraphQL subscriptions open on this instance")
			.register(meters);
	}

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		return chain.next(request)
			.map(response -> (response.getData() instanceof Publisher<?> results)
					? response.transform(builder -> builder.data(counted(results))) : response);
	}

	private Flux<?> counted(Publisher<?> results) {
		return Flux.from(results)
			.doOnSubscribe(subscription -> this.open.incrementAndGet())
			.doFinally(signal -> this.open.decrementAndGet());
	}

	int open() {
		return this.open.get();
	}

}
