package io.rollcall.api.cost;

import graphql.language.OperationDefinition;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToLongFunction;
import org.springframework.graphql.server.WebGraphQlRequest;

/**
 * The operation a GraphQL request runs, as the document guard found it: its kind, its
 * estimated price, known before it runs, and the function that prices what its response
 * really held. The guard leaves it in the request's GraphQL context for the interceptors
 * after it (the rate limiter, the GET rule of GraphQL over HTTP).
 */
public final class PricedOperation {

	private final OperationDefinition.Operation kind;

	private final long requestedCost;

	private final ToLongFunction<Object> actual;

	/**
	 * @param kind query, mutation or subscription; null when the document has no
	 * operation to run (graphql-java then reports why)
	 * @param requestedCost the estimate
	 * @param actual prices the response's {@code data}
	 */
	public PricedOperation(OperationDefinition.Operation kind, long requestedCost, ToLongFunction<Object> actual) {
		this.kind = kind;
		this.requestedCost = requestedCost;
		this.actual = actual;
	}

	/** Query, mutation or subscription, if the document has an operation to run. */
	public Optional<OperationDefinition.Operation> kind() {
		return Optional.ofNullable(kind);
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

	/**
	 * Whether the operation is a query: it has no effect to take back, so it may start
	 * before it is admitted.
	 */
	public boolean query() {
		return kind == OperationDefinition.Operation.QUERY;
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
