package io.rollcall.api.security;

import io.rollcall.schema.json.Identifiers;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request an id, answered in {@code X-Request-Id} and put in the logs' MDC
 * ({@code requestId}) while the request's thread works on it, so a client quoting the
 * header finds its request in the logs. A valid incoming {@code X-Request-Id} (a Rollcall
 * identifier: 1 to 128 letters, digits, {@code . _ : -}, hence safe in a log line) is
 * echoed, so a partner's own id or a proxy's follows the request through; anything else
 * is replaced by a random UUID. The first filter of all, so refusals before
 * authentication carry the header too; it also runs on the asynchronous dispatch that
 * writes GraphQL answers, with the same id.
 */
final class RequestIdFilter extends OncePerRequestFilter {

	static final String HEADER = "X-Request-Id";

	/** The MDC key of the request id (see {@code logging.pattern.correlation}). */
	static final String MDC_KEY = "requestId";

	private static final String ATTRIBUTE = RequestIdFilter.class.getName() + ".id";

	@Override
	protected boolean shouldNotFilterAsyncDispatch() {
		return false;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String id = (String) request.getAttribute(ATTRIBUTE);
		if (id == null) {
			String incoming = request.getHeader(HEADER);
			id = Identifiers.isValid(incoming) ? incoming : UUID.randomUUID().toString();
			request.setAttribute(ATTRIBUTE, id);
			response.setHeader(HEADER, id);
		}
		MDC.put(MDC_KEY, id);
		try {
			chain.doFilter(request, response);
		}
		finally {
			MDC.remove(MDC_KEY);
		}
	}

}
