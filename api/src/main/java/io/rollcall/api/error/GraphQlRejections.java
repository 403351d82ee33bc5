package io.rollcall.api.error;

import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import io.rollcall.platform.UnavailableException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;

/**
 * GraphQL answers for requests that a request policy (cost, document guards, rate limits,
 * deadline) refuses before or instead of execution: no {@code data}, one error with the
 * same {@code extensions.code} and details that {@link RollcallException}s carry
 * everywhere else.
 */
public final class GraphQlRejections {

	private GraphQlRejections() {
	}

	/** The error for {@code exception}, in the api's GraphQL error shape. */
	public static GraphQLError error(RollcallException exception) {
		Map<String, Object> extensions = new LinkedHashMap<>();
		extensions.put("code", exception.code().name());
		extensions.putAll(exception.details());
		return GraphqlErrorBuilder.newError()
			.errorType(exception.code().graphQlType())
			.message(exception.getMessage())
			.extensions(extensions)
			.build();
	}

	/** The error for a store's unavailability, in the api's GraphQL error shape. */
	public static GraphQLError error(UnavailableException exception) {
		Map<String, Object> extensions = new LinkedHashMap<>();
		extensions.put("code", ErrorCode.UNAVAILABLE.name());
		extensions.putAll(ErrorBodies.unavailableDetails(exception));
		return GraphqlErrorBuilder.newError()
			.errorType(ErrorCode.UNAVAILABLE.graphQlType())
			.message(exception.getMessage())
			.extensions(extensions)
			.build();
	}

	/**
	 * A response to {@code request} that did not execute, with {@code exception} as its
	 * only error and {@code extensions} as its top-level extensions.
	 */
	public static WebGraphQlResponse response(WebGraphQlRequest request, RollcallException exception,
			Map<Object, Object> extensions) {
		return response(request, error(exception), extensions);
	}

	/**
	 * A response to {@code request} that did not execute because a store is unavailable.
	 */
	public static WebGraphQlResponse response(WebGraphQlRequest request, UnavailableException exception) {
		return response(request, error(exception), Map.of());
	}

	private static WebGraphQlResponse response(WebGraphQlRequest request, GraphQLError error,
			Map<Object, Object> extensions) {
		ExecutionResult result = ExecutionResult.newExecutionResult()
			.addError(error)
			.extensions(extensions.isEmpty() ? null : new LinkedHashMap<>(extensions))
			.build();
		return new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(), result));
	}

}
