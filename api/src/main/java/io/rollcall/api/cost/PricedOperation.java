package io.rollcall.api.cost;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToLongFunction;
import org.springframework.graphql.server.WebGraphQlRequest;

/**
 * The price of the operation a GraphQL request runs: its estimate, known before it runs,
 * and the function that prices what its response really held. The document guard leaves
 * it in the request's GraphQL context for the rate limiter.
 */
public final class PricedOperation {

	private final long requestedCost;

	private final ToLongFunction<Object> actual;

	private final boolean query;

	/**
	 * @param requestedCost the estimate
	 * @param actual prices the response's {@code data}
	 * @param query the operation is a query (no mutation, no subscription): it has no
	 * effect to take back, so it may start before it is admitted
	 */
	public PricedOperation(long requestedCost, ToLongFunction<Object> actual, boolean query) {
		this.requestedCost = requestedCost;
		this.actual = actual;
		this.query = query;
	}

	/**
	 * The operation of {@code request}, when the document guard priced it. (Carried in
	 * the execution input's GraphQL context: a request's attributes are read-only.)
	 */
	public static Optional<PricedOperation> of(WebGraphQlRequest request) {
		return Optional.ofNullable(request.toExecutionInput().getGraphQLContext().get(PricedOperation.class));
	}

	/** Attaches this price to {@code request}, for the interceptors after this one. */
	public void attachTo(WebGraphQlRequest request) {
		attachTo(request, Map.of());
	}

	/**
	 * Attaches this price, and {@code context} entries, to {@code request}'s execution.
	 */
	void attachTo(WebGraphQlRequest request, Map<Object, Object> context) {
		Map<Object, Object> entries = new HashMap<>(context);
		entries.put(PricedOperation.class, this);
		request.configureExecutionInput((input, builder) -> builder.graphQLContext(entries).build());
	}

	/** Whether the operation is a query, which only reads. */
	public boolean query() {
		return query;
	}

	/** The estimate: list fields at their requested (or assumed) sizes. */
	public long requestedCost() {
		return requestedCost;
	}

	/**
	 * The cost of what the response holds: the same weights over the fields present in
	 * {@code data} and the real lengths of its lists.
	 */
	public long actualCost(Object data) {
		return data instanceof Map<?, ?> ? actual.applyAsLong(data) : 0;
	}

}
