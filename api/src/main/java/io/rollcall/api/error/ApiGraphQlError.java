package io.rollcall.api.error;

import io.rollcall.platform.UnavailableException;
import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.language.SourceLocation;
import graphql.schema.DataFetchingEnvironment;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A GraphQL error in the api's shape: {@link ApiError#extensions()} plus the code's
 * coarse classification ({@code extensions.classification}, spring-graphql's
 * {@link org.springframework.graphql.execution.ErrorType}). It keeps the domain exception
 * it was made from, so server code that inspects a response (the HTTP handler that
 * answers a rate limit with 429) reads a type rather than parsing {@code extensions}
 * back; clients see only the specification.
 */
public final class ApiGraphQlError implements GraphQLError {

	private final GraphQLError error;

	/**
	 * The domain exception ({@link RollcallException} or a store's
	 * {@link UnavailableException}) this error was made from; null for others.
	 */
	private final RuntimeException exception;

	private ApiGraphQlError(GraphqlErrorBuilder<?> builder, ApiError error, Throwable cause) {
		this.error = builder.errorType(error.code().graphQlType())
			.message(error.message())
			.extensions(error.extensions())
			.build();
		this.exception = cause instanceof RollcallException || cause instanceof UnavailableException
				? (RuntimeException) cause : null;
	}

	/** The error of a request refused before or instead of execution. */
	public static ApiGraphQlError of(RollcallException exception) {
		return new ApiGraphQlError(GraphqlErrorBuilder.newError(), ApiError.of(exception), exception);
	}

	/** The error of a request refused because a store is unavailable. */
	public static ApiGraphQlError of(UnavailableException exception) {
		return new ApiGraphQlError(GraphqlErrorBuilder.newError(), ApiError.of(exception), exception);
	}

	/**
	 * The error {@code cause} was translated to, at a field: its location and path are
	 * the field's.
	 */
	static ApiGraphQlError of(ApiError error, Throwable cause, DataFetchingEnvironment environment) {
		return new ApiGraphQlError(GraphqlErrorBuilder.newError(environment), error, cause);
	}

	/**
	 * The error {@code cause} was translated to, for a subscription's stream (it has no
	 * field of its own).
	 */
	static ApiGraphQlError of(ApiError error, Throwable cause) {
		return new ApiGraphQlError(GraphqlErrorBuilder.newError(), error, cause);
	}

	/** The domain exception behind {@code error}, if it is one of the api's. */
	public static Optional<RuntimeException> exceptionOf(GraphQLError error) {
		return error instanceof ApiGraphQlError api ? Optional.ofNullable(api.exception) : Optional.empty();
	}

	@Override
	public String getMessage() {
		return error.getMessage();
	}

	@Override
	public List<SourceLocation> getLocations() {
		return error.getLocations();
	}

	@Override
	public ErrorClassification getErrorType() {
		return error.getErrorType();
	}

	@Override
	public List<Object> getPath() {
		return error.getPath();
	}

	@Override
	public Map<String, Object> getExtensions() {
		return error.getExtensions();
	}

	@Override
	public String toString() {
		return error.toString();
	}

}
