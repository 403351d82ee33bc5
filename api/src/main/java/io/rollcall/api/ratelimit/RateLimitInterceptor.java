package io.rollcall.api.ratelimit;

import io.rollcall.api.admission.Admission;
import io.rollcall.api.cost.PricedOperation;
import io.rollcall.api.error.GraphQlRejections;
import io.rollcall.api.security.Caller;
import io.rollcall.api.security.Callers;
import io.rollcall.platform.UnavailableException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.reactivestreams.Publisher;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Signal;

/**
 * Charges each GraphQL operation to its tenant's and client's buckets: reserves the
 * estimated cost (from the document guard's {@link PricedOperation}; 1 for a document it
 * could not price) before execution, settles to the actual cost after it, and adds
 * {@code extensions.cost} ({@code requestedQueryCost}, {@code actualQueryCost},
 * {@code throttleStatus} of the bucket with the least left) and the {@code RateLimit}
 * headers to every response. Over a limit the client gets {@code RATE_LIMITED} with
 * {@code retryAfterMs}, HTTP 429 and {@code Retry-After}, and nothing of the operation
 * reaches Elasticsearch. A request cut off by its deadline keeps its estimate charged.
 *
 * <p>
 * A query does not wait for its reservation to start: the reservation (one Redis round
 * trip, which also reads the tenant's cache generations) runs while graphql-java
 * validates the operation and the controllers check their arguments, and every dashboard
 * read waits for it ({@link Admission}) before its cache lookup or first search. A
 * refused query's answer is then replaced by the refusal. Mutations and subscriptions,
 * whose effects could not be taken back, wait for their reservation before they run; a
 * subscription keeps its estimate charged.
 */
final class RateLimitInterceptor implements WebGraphQlInterceptor {

	private final RateLimiter limiter;

	private final Callers callers;

	RateLimitInterceptor(RateLimiter limiter, Callers callers) {
		this.limiter = limiter;
		this.callers = callers;
	}

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		return Mono.deferContextual(context -> charge(request, chain, callers.current(context)));
	}

	private Mono<WebGraphQlResponse> charge(WebGraphQlRequest request, Chain chain, Caller caller) {
		PricedOperation priced = PricedOperation.of(request).orElse(null);
		long requested = priced == null ? 1 : priced.requestedCost();
		CompletableFuture<RateLimiter.Reservation> reserving = limiter.reserve(caller, requested);
		Admission admission = Admission.of(reserving.thenApply(RateLimiter.Reservation::generations));
		Mono<Verdict> verdict = Mono.fromFuture(reserving, true)
			.map(reservation -> new Verdict(reservation, null))
			.onErrorResume(RateLimitedException.class,
					e -> Mono.just(new Verdict(null, refused(request, requested, e))))
			// FAIL_CLOSED while Redis is away: UNAVAILABLE, nothing runs.
			.onErrorResume(UnavailableException.class,
					e -> Mono.just(new Verdict(null, GraphQlRejections.response(request, e))));
		Mono<WebGraphQlResponse> execution = chain.next(request).contextWrite(admission::into);
		Mono<WebGraphQlResponse> answer;
		if (priced != null && priced.query()) {
			answer = execution.materialize()
				.flatMap(executed -> verdict.flatMap(decided -> decided.rejection() != null
						? Mono.just(decided.rejection()) : settle(decided.reservation(), executed, priced, requested)));
		}
		else {
			answer = verdict.flatMap(
					decided -> decided.rejection() != null ? Mono.just(decided.rejection()) : execution.materialize()
						.flatMap(executed -> settle(decided.reservation(), executed, priced, requested)));
		}
		// Cut off by the deadline or abandoned: never settled.
		return answer.doOnCancel(() -> reserving.thenAccept(limiter::keep));
	}

	private Mono<WebGraphQlResponse> settle(RateLimiter.Reservation reservation, Signal<WebGraphQlResponse> executed,
			PricedOperation priced, long requested) {
		if (!executed.hasValue()) {
			// Failed: never settled.
			limiter.keep(reservation);
			return executed.hasError() ? Mono.error(executed.getThrowable()) : Mono.empty();
		}
		WebGraphQlResponse response = executed.get();
		long actual = priced == null ? 0 : actualCost(priced, response.getExecutionResult().getData());
		return Mono.fromFuture(limiter.settle(reservation, actual), true)
			.onErrorResume(UnavailableException.class, e -> {
				// Redis went away (FAIL_CLOSED) after the reservation: the estimate stays
				// charged, the answer is still given.
				limiter.keep(reservation);
				return Mono.just(new RateLimitHeaders(reservation.readings()));
			})
			.map(after -> {
				after.asMap().forEach(response.getResponseHeaders()::set);
				Map<Object, Object> extensions = new LinkedHashMap<>(response.getExtensions());
				extensions.put("cost", cost(requested, actual, after));
				return response.transform(builder -> builder.extensions(extensions));
			});
	}

	private static WebGraphQlResponse refused(WebGraphQlRequest request, long requested, RateLimitedException e) {
		WebGraphQlResponse refused = GraphQlRejections.response(request, e,
				Map.of("cost", cost(requested, 0, new RateLimitHeaders(e.readings()))));
		e.headers().forEach(refused.getResponseHeaders()::set);
		return refused;
	}

	/**
	 * What the response holds, priced; a subscription (its data is the stream to come)
	 * keeps its estimate: it is charged once, on subscribe, and what it delivers later is
	 * bounded by the subscription limits, not charged (docs/RATE-LIMITS.md).
	 */
	private static long actualCost(PricedOperation priced, Object data) {
		return data instanceof Publisher<?> ? priced.requestedCost() : priced.actualCost(data);
	}

	private static Map<String, Object> cost(long requested, long actual, RateLimitHeaders headers) {
		Map<String, Object> cost = new LinkedHashMap<>();
		cost.put("requestedQueryCost", requested);
		cost.put("actualQueryCost", actual);
		headers.readings().stream().min((a, b) -> Long.compare(a.remaining(), b.remaining())).ifPresent(binding -> {
			Map<String, Object> status = new LinkedHashMap<>();
			status.put("maximumAvailable", binding.limit().capacity());
			status.put("currentlyAvailable", Math.max(0, binding.remaining()));
			status.put("restoreRate", binding.limit().refillPerSecond());
			cost.put("throttleStatus", status);
		});
		return cost;
	}

	/** A reservation, or the response that replaces a refused request's answer. */
	private record Verdict(RateLimiter.Reservation reservation, WebGraphQlResponse rejection) {
	}

}
