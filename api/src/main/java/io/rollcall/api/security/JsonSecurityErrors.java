package io.rollcall.api.security;

import io.rollcall.api.error.ApiError;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * 401 and 403 answers of the filter chain, in the api's error shape. The standard
 * bearer-token handlers set the status and the {@code WWW-Authenticate} header (RFC
 * 6750); we add the body. On {@code /graphql} the body is a GraphQL response whose error
 * carries {@code extensions.code}, so GraphQL clients handle it like any other error.
 */
final class JsonSecurityErrors implements AuthenticationEntryPoint, AccessDeniedHandler {

	private final JsonMapper json;

	private final BearerTokenAuthenticationEntryPoint bearerEntryPoint = new BearerTokenAuthenticationEntryPoint();

	private final BearerTokenAccessDeniedHandler bearerDeniedHandler = new BearerTokenAccessDeniedHandler();

	JsonSecurityErrors(JsonMapper json) {
		this.json = json;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
			throws IOException {
		bearerEntryPoint.commence(request, response, exception);
		write(request, response, ApiError.UNAUTHENTICATED);
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException exception)
			throws IOException {
		bearerDeniedHandler.handle(request, response, exception);
		write(request, response, ApiError.FORBIDDEN);
	}

	private void write(HttpServletRequest request, HttpServletResponse response, ApiError error) throws IOException {
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		json.writeValue(response.getOutputStream(), isGraphQl(request) ? error.graphQlBody() : error.restBody());
	}

	private static boolean isGraphQl(HttpServletRequest request) {
		return request.getRequestURI().startsWith(request.getContextPath() + "/graphql");
	}

}
