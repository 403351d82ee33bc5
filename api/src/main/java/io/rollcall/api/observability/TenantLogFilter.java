package io.rollcall.api.observability;

import io.rollcall.api.security.Callers;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.MDC;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts the caller's tenant in the logging context ({@code tenant}) for the rest of the
 * request, beside the trace and span ids Micrometer Tracing puts there, so every log line
 * of a request says whose it was. Runs after Spring Security has read the token; requests
 * without one (health, the GraphiQL page) have no tenant.
 */
final class TenantLogFilter extends OncePerRequestFilter {

	/** The logging context key (a field of its own in JSON logs). */
	static final String KEY = "tenant";

	private final Callers callers;

	TenantLogFilter(Callers callers) {
		this.callers = callers;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !(authentication.getPrincipal() instanceof Jwt jwt)) {
			chain.doFilter(request, response);
			return;
		}
		try (MDC.MDCCloseable _ = MDC.putCloseable(KEY, this.callers.fromToken(jwt).tenantId())) {
			chain.doFilter(request, response);
		}
	}

}
