package io.rollcall.api.error;

import io.rollcall.platform.UnavailableException;
import graphql.ExecutionResult;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;

/**
 * GraphQL answers for requests that a request policy (cost, document guards, rate limits,
 * deadline) refuses before or instead of execution: no {@code data}, one
 * {@link ApiGraphQlError}, the same shape a {@link RollcallException} has everywhere
 * else.
 */
public final class GraphQlRejections {

	private GraphQlRejections() {
	}

	/**
	 * A response to {@code request} that did not execute, with {@code exception} as its
	 * only error and {@code extensions} as its top-level extensions.
	 */
	public static WebGraphQlResponse response(WebGraphQlRequest request, RollcallException exception,
			Map<Object, Object> extensions) {
		return response(request, ApiGraphQlError.of(exception), extensions);
	}

	/**
	 * A response to {@code request} that did not execute because a store is unavailable.
	 */
	public static WebGraphQlResponse response(WebGraphQlRequest request, UnavailableException exception) {
		return response(request, ApiGraphQlError.of(exception), Map.of());
	}

	private static WebGraphQlResponse response(WebGraphQlRequest request, ApiGraphQlError error,
			Map<Object, Object> extensions) {
		ExecutionResult result = ExecutionResult.newExecutionResult()
			.addError(error)
			.extensions(extensions.isEmpty() ? null : new LinkedHashMap<>(extensions))
			.build();
		return new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(), result));
	}

}
