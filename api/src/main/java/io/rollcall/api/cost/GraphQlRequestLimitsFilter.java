package io.rollcall.api.cost;

import io.rollcall.api.error.ApiError;
import io.rollcall.api.error.ErrorCode;
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
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Guards {@code POST /graphql} bodies before anything parses them: a body over
 * {@code rollcall.limits.request.max-bytes} (default 256 KB) is {@code PAYLOAD_TOO_LARGE}
 * (HTTP 413) — a declared length is refused unread, an undeclared one is read only one
 * byte past the limit — and a JSON array of operations (batching, which multiplies the
 * work of one request and slips past per-operation limits) is
 * {@code BATCHING_NOT_SUPPORTED} (HTTP 400). The answer is a GraphQL error, like every
 * other refusal of {@code /graphql}.
 */
final class GraphQlRequestLimitsFilter extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(GraphQlRequestLimitsFilter.class);

	private final RequestLimitsProperties properties;

	private final JsonMapper json;

	GraphQlRequestLimitsFilter(RequestLimitsProperties properties, JsonMapper json) {
		this.properties = properties;
		this.json = json;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !"POST".equals(request.getMethod());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long limit = properties.maxBytes().toBytes();
		String tooLarge = "the request body is larger than " + properties.maxBytes().toKilobytes() + " KB";
		if (request.getContentLengthLong() > limit && !properties.warnOnly()) {
			reject(response, ErrorCode.PAYLOAD_TOO_LARGE, tooLarge);
			return;
		}
		byte[] body = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
		if (body.length > limit) {
			if (!properties.warnOnly()) {
				reject(response, ErrorCode.PAYLOAD_TOO_LARGE, tooLarge);
				return;
			}
			log.warn("warn-only: {}", tooLarge);
			body = concat(body, request.getInputStream().readAllBytes());
		}
		if (isArray(body)) {
			if (!properties.warnOnly()) {
				reject(response, ErrorCode.BATCHING_NOT_SUPPORTED,
						"send one operation per request: batches (JSON arrays of operations) are not supported");
				return;
			}
			log.warn("warn-only: a batch of operations");
		}
		chain.doFilter(new CachedBody(request, body), response);
	}

	private static boolean isArray(byte[] body) {
		for (byte b : body) {
			if (!Character.isWhitespace(b)) {
				return b == '[';
			}
		}
		return false;
	}

	private static byte[] concat(byte[] head, byte[] tail) {
		byte[] all = new byte[head.length + tail.length];
		System.arraycopy(head, 0, all, 0, head.length);
		System.arraycopy(tail, 0, all, head.length, tail.length);
		return all;
	}

	private void reject(HttpServletResponse response, ErrorCode code, String message) throws IOException {
		response.setStatus(code.status().value());
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		json.writeValue(response.getOutputStream(), ApiError.of(code, message).graphQlBody());
	}

	/** The request with its body already read into memory. */
	private static final class CachedBody extends HttpServletRequestWrapper {

		private final byte[] body;

		CachedBody(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public ServletInputStream getInputStream() {
			ByteArrayInputStream in = new ByteArrayInputStream(body);
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
					throw new UnsupportedOperationException("synchronous reads only");
				}

			};
		}

		@Override
		public BufferedReader getReader() {
			return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
		}

		@Override
		public int getContentLength() {
			return body.length;
		}

		@Override
		public long getContentLengthLong() {
			return body.length;
		}

	}

}
