package io.rollcall.api.cost;

import java.util.Map;
import java.util.Optional;
import java.util.function.ToLongFunction;
import org.springframework.graphql.server.WebGraphQlRequest;

/**
 * The price of the operation a GraphQL request runs: its estimate, known before it runs,
 * and the function that prices what its response really held. The document guard leaves
 * it in the request's attributes for the rate limiter.
 */
public final class PricedOperation {

	private static final String ATTRIBUTE = PricedOperation.class.getName();

	private final long requestedCost;

	private final ToLongFunction<Object> actual;

	PricedOperation(long requestedCost, ToLongFunction<Object> actual) {
		this.requestedCost = requestedCost;
		this.actual = actual;
	}

	/** The operation of {@code request}, when the document guard priced it. */
	public static Optional<PricedOperation> of(WebGraphQlRequest request) {
		return Optional.ofNullable((PricedOperation) request.getAttributes().get(ATTRIBUTE));
	}

	void attachTo(WebGraphQlRequest request) {
		request.getAttributes().put(ATTRIBUTE, this);
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
