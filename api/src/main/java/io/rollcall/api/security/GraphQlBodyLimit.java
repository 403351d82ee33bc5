package io.rollcall.api.security;

import io.rollcall.api.error.ErrorCode;
import io.rollcall.api.error.PayloadTooLargeException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Caps {@code POST /graphql} bodies at {@code rollcall.security.graphql-max-body-size}
 * (default 1 MB): a declared length over the limit is refused unread, and an undeclared
 * (chunked) body is read at most one byte past the limit, so no request can make the api
 * buffer or parse an arbitrarily large document. The client gets HTTP 413 with a GraphQL
 * error whose {@code extensions.code} is {@code PAYLOAD_TOO_LARGE}. It runs after
 * authentication, so anonymous bodies are never read at all.
 */
final class GraphQlBodyLimit extends OncePerRequestFilter {

	private final DataSize limit;

	private final JsonMapper json;

	GraphQlBodyLimit(DataSize limit, JsonMapper json) {
		this.limit = limit;
		this.json = json;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !"POST".equals(request.getMethod())
				|| !request.getRequestURI().equals(request.getContextPath() + "/graphql");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long max = this.limit.toBytes();
		if (request.getContentLengthLong() > max) {
			tooLarge(response);
			return;
		}
		byte[] body = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
		if (body.length > max) {
			tooLarge(response);
			return;
		}
		chain.doFilter(new ReadBody(request, body), response);
	}

	private void tooLarge(HttpServletResponse response) throws IOException {
		String message = new PayloadTooLargeException(this.limit).getMessage();
		response.setStatus(ErrorCode.PAYLOAD_TOO_LARGE.status().value());
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		this.json.writeValue(response.getOutputStream(), Map.of("errors",
				List.of(Map.of("message", message, "extensions", Map.of("code", ErrorCode.PAYLOAD_TOO_LARGE.name())))));
	}

	/** The request with its body already read (and checked). */
	private static final class ReadBody extends HttpServletRequestWrapper {

		private final byte[] body;

		ReadBody(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public ServletInputStream getInputStream() {
			ByteArrayInputStream in = new ByteArrayInputStream(this.body);
			return new ServletInputStream() {

				@Override
				public int read() {
					return in.read();
				}

				@Override
				public int read(byte[] buffer, int offset, int length) {
					return in.read(buffer, offset, length);
				}

				@Override
				public boolean isFinished() {
					return in.available() == 0;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new UnsupportedOperationException("the body is already read");
				}

			};
		}

		@Override
		public BufferedReader getReader() {
			Charset charset = getCharacterEncoding() == null ? StandardCharsets.UTF_8
					: Charset.forName(getCharacterEncoding());
			return new BufferedReader(new InputStreamReader(getInputStream(), charset));
		}

		@Override
		public int getContentLength() {
			return this.body.length;
		}

		@Override
		public long getContentLengthLong() {
			return this.body.length;
		}

	}

}
