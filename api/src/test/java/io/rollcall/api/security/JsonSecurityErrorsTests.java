package io.rollcall.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.BadCredentialsException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The filter chain's 401 and 403: the bearer-token status and header, and the api's error
 * body (a GraphQL response on {@code /graphql}, the REST body elsewhere).
 */
class JsonSecurityErrorsTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final JsonSecurityErrors errors = new JsonSecurityErrors(JSON);

	private final MockHttpServletResponse response = new MockHttpServletResponse();

	@Test
	void noTokenOnGraphQlIsAGraphQlErrorResponse() throws Exception {
		errors.commence(request("/graphql"), response, new BadCredentialsException("Jwt expired"));

		assertThat(response.getStatus()).isEqualTo(401);
		assertThat(response.getHeader("WWW-Authenticate")).startsWith("Bearer");
		JsonNode error = body().path("errors").path(0);
		assertThat(error.path("message").asString()).isEqualTo("a valid bearer token is required");
		assertThat(error.path("extensions").propertyNames()).containsExactly("code");
		assertThat(error.path("extensions").path("code").asString()).isEqualTo("UNAUTHENTICATED");
	}

	@Test
	void aMissingScopeOnRestIsTheRestBody() throws Exception {
		errors.handle(request("/api/v1/events"), response, new AccessDeniedException("Access Denied"));

		assertThat(response.getStatus()).isEqualTo(403);
		assertThat(response.getHeader("WWW-Authenticate")).startsWith("Bearer");
		assertThat(body().propertyNames()).containsExactly("code", "message");
		assertThat(body().path("code").asString()).isEqualTo("FORBIDDEN");
		assertThat(body().path("message").asString()).isEqualTo("the token lacks the scope this operation needs");
	}

	private JsonNode body() throws Exception {
		return JSON.readTree(response.getContentAsString());
	}

	private static MockHttpServletRequest request(String path) {
		return new MockHttpServletRequest("POST", path);
	}

}
