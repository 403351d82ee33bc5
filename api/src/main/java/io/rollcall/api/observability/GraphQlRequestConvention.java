package io.rollcall.api.observability;

import graphql.execution.ExecutionContext;
import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.springframework.graphql.observation.DefaultExecutionRequestObservationConvention;
import org.springframework.graphql.observation.ExecutionRequestObservationContext;

/**
 * Spring for GraphQL's request observation renamed {@code rollcall.graphql.request} (the
 * timer behind {@code rollcall_graphql_request_seconds}) and tagged with the operation
 * name. Operation names are chosen by clients, so the tag is bounded: the first
 * {@code maxOperationNames} distinct names seen by an instance are tagged as sent, later
 * ones {@code other}, anonymous operations {@code anonymous}; a name that is not a
 * GraphQL name of at most 64 characters is {@code other} too. The frontends' operations
 * come first and stay; a client inventing names cannot add series past the bound.
 */
final class GraphQlRequestConvention extends DefaultExecutionRequestObservationConvention {

	static final String NAME = "rollcall.graphql.request";

	static final String OPERATION = "operation";

	private static final Pattern GRAPHQL_NAME = Pattern.compile("[_A-Za-z][_0-9A-Za-z]{0,63}");

	private final int maxOperationNames;

	private final Set<String> tagged = ConcurrentHashMap.newKeySet();

	GraphQlRequestConvention(int maxOperationNames) {
		super(NAME);
		this.maxOperationNames = maxOperationNames;
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(ExecutionRequestObservationContext context) {
		return super.getLowCardinalityKeyValues(context)
			.and(KeyValue.of(OPERATION, operation(executedOperationName(context))));
	}

	/**
	 * The name of the operation that ran (a document's only operation needs no
	 * {@code operationName} in the request), else the one the request asked for.
	 */
	private static String executedOperationName(ExecutionRequestObservationContext context) {
		ExecutionContext execution = context.getExecutionContext();
		if (execution != null && execution.getOperationDefinition() != null) {
			return execution.getOperationDefinition().getName();
		}
		return context.getExecutionInput().getOperationName();
	}

	String operation(String name) {
		if (name == null || name.isEmpty()) {
			return "anonymous";
		}
		if (!GRAPHQL_NAME.matcher(name).matches()) {
			return "other";
		}
		if (this.tagged.contains(name)) {
			return name;
		}
		synchronized (this.tagged) {
			if (this.tagged.size() < this.maxOperationNames) {
				this.tagged.add(name);
				return name;
			}
		}
		return "other";
	}

}
