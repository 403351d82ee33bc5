package io.rollcall.api.http;

import io.rollcall.api.admission.Generations;
import io.rollcall.api.ingest.CacheGenerations;
import io.rollcall.api.security.Caller;
import io.rollcall.api.security.Callers;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.function.ServerRequest;

/**
 * The ETag of a GET query's answer: a weak validator of the tenant's cache generations
 * (every program's and view's, since the document may read any) and of everything else
 * the answer depends on — the caller (tenant, client, role, teams, scopes), the
 * {@code Accept} header and the request's query string (document, operation name,
 * variables, extensions as sent). An answer depends on the tenant's data only through
 * what those generations version (see {@code cache.DashboardCache} for why a generation
 * read <em>before</em> the query runs never hides a write that returned), so while they
 * stand still a client's copy is current and the api answers 304 without running
 * anything. Weak, because two answers with one ETag may differ in
 * {@code extensions.cost}, which is not the data.
 */
final class QueryETags {

	private final CacheGenerations generations;

	private final Callers callers;

	QueryETags(CacheGenerations generations, Callers callers) {
		this.generations = generations;
		this.callers = callers;
	}

	/**
	 * The ETag {@code request}'s answer gets; empty while Redis does not answer (no
	 * validator, correctness over speed).
	 */
	Optional<String> of(ServerRequest request) {
		Caller caller = callers.current();
		Optional<Generations> generations = this.generations.current(caller.tenantId());
		if (generations.isEmpty()) {
			return Optional.empty();
		}
		String key = String.join("\n", new TreeMap<>(generations.get().values()).toString(), caller.tenantId(),
				caller.clientId(), String.valueOf(caller.role()), String.join(",", new TreeSet<>(caller.teamIds())),
				String.join(",", scopes()), String.valueOf(request.headers().firstHeader(HttpHeaders.ACCEPT)),
				String.valueOf(request.servletRequest().getQueryString()));
		return Optional.of("W/\"" + sha256(key) + "\"");
	}

	/**
	 * Whether {@code ifNoneMatch} (the request's {@code If-None-Match} values) names
	 * {@code etag}, by the weak comparison GET uses (RFC 9110, 13.1.2).
	 */
	static boolean matches(List<String> ifNoneMatch, String etag) {
		String opaque = opaque(etag);
		for (String header : ifNoneMatch) {
			for (String candidate : header.split(",")) {
				String tag = candidate.trim();
				if (tag.equals("*") || opaque(tag).equals(opaque)) {
					return true;
				}
			}
		}
		return false;
	}

	private static String opaque(String etag) {
		return etag.startsWith("W/") ? etag.substring(2) : etag;
	}

	private static TreeSet<String> scopes() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		TreeSet<String> scopes = new TreeSet<>();
		if (authentication != null) {
			authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).forEach(scopes::add);
		}
		return scopes;
	}

	private static String sha256(String text) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest, 0, 16);
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("every JDK has SHA-256", e);
		}
	}

}
