package io.rollcall.api.usage;

import io.rollcall.api.error.ErrorCode;
import io.rollcall.api.security.Callers;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Counts every REST request ({@code /v1/*}) of a caller with a valid token, once it is
 * answered: one request, and a refusal under its error code when the status is 400 or
 * more (the code the REST error handler answered with, else the status's, e.g.
 * {@code FORBIDDEN} for a scope the filter chain refused). It runs before Spring
 * Security, so it sees that chain's refusals too; the caller comes from the security
 * context the bearer-token filter keeps in a request attribute. Requests without a valid
 * token belong to no client and are not counted. The REST controllers answer on the
 * request's thread, so the answer is complete when the chain returns.
 */
final class UsageFilter extends OncePerRequestFilter {

	private final UsageCounters counters;

	private final Callers callers;

	private final RequestAttributeSecurityContextRepository contexts = new RequestAttributeSecurityContextRepository();

	UsageFilter(UsageCounters counters, Callers callers) {
		this.counters = counters;
		this.callers = callers;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		finally {
			count(request, response);
		}
	}

	private void count(HttpServletRequest request, HttpServletResponse response) {
		Authentication authentication = contexts.loadDeferredContext(request).get().getAuthentication();
		if (authentication == null || !(authentication.getPrincipal() instanceof Jwt jwt)) {
			return;
		}
		int status = response.getStatus();
		String code = null;
		if (status >= 400) {
			code = request.getAttribute(ErrorCode.REQUEST_ATTRIBUTE) instanceof ErrorCode answered ? answered.name()
					: ErrorCode.forStatus(status).name();
		}
		counters.request(callers.fromToken(jwt), code);
	}

}
