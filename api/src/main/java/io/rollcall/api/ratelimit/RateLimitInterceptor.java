package io.rollcall.api.ratelimit;

import io.rollcall.api.cost.PricedOperation;
import io.rollcall.api.error.GraphQlRejections;
import io.rollcall.api.security.Caller;
import io.rollcall.api.security.Callers;
import io.rollcall.platform.UnavailableException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.reactivestreams.Publisher;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import reactor.core.publisher.Mono;

/**
 * Charges each GraphQL operation to its tenant's and client's buckets: reserves the
 * estimated cost (from the document guard's {@link PricedOperation}; 1 for a document it
 * could not price) before execution, settles to the actual cost after it, and adds
 * {@code extensions.cost} ({@code requestedQueryCost}, {@code actualQueryCost},
 * {@code throttleStatus} of the bucket with the least left) and the {@code RateLimit}
 * headers to every response. A subscription keeps its estimate charged. Over a limit the
 * operation does not run: {@code RATE_LIMITED} with {@code retryAfterMs}, HTTP 429 and
 * {@code Retry-After}. A request cut off by its deadline keeps its estimate charged.
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
		RateLimiter.Reservation reservation;
		try {
			reservation = limiter.reserve(caller, requested);
		}
		catch (RateLimitedException e) {
			WebGraphQlResponse refused = GraphQlRejections.response(request, e,
					Map.of("cost", cost(requested, 0, new RateLimitHeaders(e.readings()))));
			e.headers().forEach(refused.getResponseHeaders()::set);
			return Mono.just(refused);
		}
		catch (UnavailableException e) {
			// FAIL_CLOSED while Redis is away: UNAVAILABLE, nothing runs.
			return Mono.just(GraphQlRejections.response(request, e));
		}
		return chain.next(request).map(response -> {
			long actual = priced == null ? 0 : actualCost(priced, response.getExecutionResult().getData());
			RateLimitHeaders after;
			try {
				after = limiter.settle(reservation, actual);
			}
			catch (UnavailableException e) {
				// Redis went away (FAIL_CLOSED) after the reservation: the estimate stays
				// charged, the answer is still given.
				after = new RateLimitHeaders(reservation.readings());
			}
			after.asMap().forEach(response.getResponseHeaders()::set);
			Map<Object, Object> extensions = new LinkedHashMap<>(response.getExtensions());
			extensions.put("cost", cost(requested, actual, after));
			return response.transform(builder -> builder.extensions(extensions));
		});
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

}
