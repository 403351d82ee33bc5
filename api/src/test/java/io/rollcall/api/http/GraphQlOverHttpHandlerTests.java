package io.rollcall.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.preparsed.persisted.PersistedQuerySupport;
import io.rollcall.api.FakeGraphQl;
import io.rollcall.api.error.ApiGraphQlError;
import io.rollcall.api.error.ErrorCode;
import io.rollcall.api.error.RollcallException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.MediaTypes;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import reactor.core.publisher.Mono;

/**
 * The status codes of GraphQL over HTTP: Spring's (200, or 400 for a
 * {@code application/graphql-response+json} answer without data), the api's refusals' own
 * under {@code application/graphql-response+json}, and 429 and 405 whatever the media
 * type.
 */
class GraphQlOverHttpHandlerTests {

	private static final MediaType GRAPHQL_RESPONSE = MediaTypes.APPLICATION_GRAPHQL_RESPONSE;

	private final GraphQlOverHttpHandler handler = new GraphQlOverHttpHandler(
			WebGraphQlHandler.builder(request -> Mono.empty()).build(), new JacksonJsonHttpMessageConverter(), null,
			null);

	@Test
	void aRateLimitIs429WithItsRetryAfterWhateverTheMediaType() {
		WebGraphQlResponse limited = response(null, ApiGraphQlError.of(new Refusal(ErrorCode.RATE_LIMITED)));

		assertThat(handler.selectResponseStatus(limited, MediaType.APPLICATION_JSON))
			.isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
		assertThat(handler.selectResponseStatus(limited, GRAPHQL_RESPONSE)).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
		assertThat(GraphQlOverHttpHandler.withRefusalHeaders(limited).getResponseHeaders().getFirst("Retry-After"))
			.isEqualTo("2");
	}

	@Test
	void aHeaderAnInterceptorSetIsKept() {
		WebGraphQlResponse limited = response(null, ApiGraphQlError.of(new Refusal(ErrorCode.RATE_LIMITED)));
		limited.getResponseHeaders().set("Retry-After", "7");

		assertThat(GraphQlOverHttpHandler.withRefusalHeaders(limited).getResponseHeaders().getFirst("Retry-After"))
			.isEqualTo("7");
	}

	@Test
	void aMutationSentWithGetIs405WhateverTheMediaType() {
		WebGraphQlResponse refused = response(null, ApiGraphQlError.of(new MethodNotAllowedException("mutation")));

		assertThat(handler.selectResponseStatus(refused, MediaType.APPLICATION_JSON))
			.isEqualTo(HttpStatus.METHOD_NOT_ALLOWED);
		assertThat(handler.selectResponseStatus(refused, GRAPHQL_RESPONSE)).isEqualTo(HttpStatus.METHOD_NOT_ALLOWED);
		assertThat(GraphQlOverHttpHandler.withRefusalHeaders(refused).getResponseHeaders().getFirst("Allow"))
			.isEqualTo("POST");
	}

	@Test
	void graphQlJavasRequestErrorsAre400ForGraphQlResponseAnd200ForJson() {
		GraphQLError syntax = GraphqlErrorBuilder.newError().message("Invalid syntax").build();
		WebGraphQlResponse notRun = response(null, syntax);

		assertThat(handler.selectResponseStatus(notRun, GRAPHQL_RESPONSE)).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(handler.selectResponseStatus(notRun, MediaType.APPLICATION_JSON)).isEqualTo(HttpStatus.OK);
	}

	@Test
	void theApisRefusalsKeepTheirStatusForGraphQlResponseOnly() {
		WebGraphQlResponse notFound = response(null,
				ApiGraphQlError.of(new Refusal(ErrorCode.PERSISTED_QUERY_NOT_FOUND)));
		WebGraphQlResponse tooCostly = response(null, ApiGraphQlError.of(new Refusal(ErrorCode.COST_LIMIT_EXCEEDED)));

		assertThat(handler.selectResponseStatus(notFound, GRAPHQL_RESPONSE)).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(handler.selectResponseStatus(notFound, MediaType.APPLICATION_JSON)).isEqualTo(HttpStatus.OK);
		assertThat(handler.selectResponseStatus(tooCostly, GRAPHQL_RESPONSE)).isEqualTo(HttpStatus.BAD_REQUEST);
	}

	@Test
	void anAnswerWithDataIs200EvenWithErrors() {
		WebGraphQlResponse partial = response(Map.of("programSummary", Map.of()),
				ApiGraphQlError.of(new Refusal(ErrorCode.UNAVAILABLE)));

		assertThat(GraphQlOverHttpHandler.refusal(partial)).isEmpty();
		assertThat(handler.selectResponseStatus(partial, GRAPHQL_RESPONSE)).isEqualTo(HttpStatus.OK);
	}

	@Test
	void anErrorThatOnlyLooksLikeARefusalIsNotOne() {
		GraphQLError lookalike = GraphqlErrorBuilder.newError()
			.message("rate limited")
			.extensions(Map.of("code", "RATE_LIMITED", "retryAfterMs", 1000))
			.build();

		assertThat(GraphQlOverHttpHandler.refusal(response(null, lookalike))).isEmpty();
		assertThat(handler.selectResponseStatus(response(null, lookalike), MediaType.APPLICATION_JSON))
			.isEqualTo(HttpStatus.OK);
	}

	private static WebGraphQlResponse response(Object data, GraphQLError error) {
		WebGraphQlRequest request = FakeGraphQl.request(PersistedQuerySupport.PERSISTED_QUERY_MARKER, Map.of());
		ExecutionResult.Builder<?> result = ExecutionResult.newExecutionResult().addError(error);
		if (data != null) {
			result.data(data);
		}
		return new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(), result.build()));
	}

	/**
	 * A refusal with {@code code}, and {@code Retry-After: 2} as the api's 429s carry.
	 */
	private static final class Refusal extends RollcallException {

		Refusal(ErrorCode code) {
			super(code, code.name());
		}

		@Override
		public Map<String, String> headers() {
			return code() == ErrorCode.RATE_LIMITED ? Map.of("Retry-After", "2") : Map.of();
		}

	}

}
