package io.rollcall.api.search;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.search.Hit;
import io.rollcall.api.error.ErrorCode;
import io.rollcall.api.error.RollcallException;
import io.rollcall.api.security.Caller;
import io.rollcall.schema.contact.ContactDocument;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Component;

/**
 * Resolves what a request may read into a {@link SearchScope}, once per request: the reps
 * of a team are its ACTIVE contacts, found by a search of their own (through the door,
 * tenant-wide).
 */
@Component
public class SearchScopes {

	/** Managers' roles: only their teams' reps are visible. */
	static final String MANAGER_ROLE = "manager";

	/**
	 * The most contacts one scope may hold: Elasticsearch's default
	 * {@code index.max_terms_count}, the size limit of the terms filter that applies it.
	 */
	static final int MAX_SCOPED_CONTACTS = 65_536;

	/** Page size of the team members scan; under max_result_window. */
	private static final int SCAN_PAGE = 10_000;

	private final TenantScopedSearch search;

	SearchScopes(TenantScopedSearch search) {
		this.search = search;
	}

	/**
	 * What a request of {@code caller} may read. A manager sees the reps of its
	 * {@code team_ids} only, intersected with {@code teamId} when given (a team outside
	 * them gives an empty scope: empty results, not an error that would reveal whether
	 * the team exists); anyone else sees the whole tenant, or {@code teamId}'s reps.
	 * @param teamId the requested team, or {@code null}
	 */
	public SearchScope resolve(Caller caller, String teamId) {
		Set<String> teams;
		if (MANAGER_ROLE.equals(caller.role())) {
			teams = new TreeSet<>(caller.teamIds());
			if (teamId != null) {
				teams.retainAll(Set.of(teamId));
			}
		}
		else {
			teams = teamId == null ? null : Set.of(teamId);
		}
		if (teams == null) {
			return new SearchScope(caller.tenantId(), null);
		}
		if (teams.isEmpty()) {
			return new SearchScope(caller.tenantId(), Set.of());
		}
		return new SearchScope(caller.tenantId(), teamMembers(caller.tenantId(), teams));
	}

	private Set<String> teamMembers(String tenantId, Set<String> teams) {
		SearchScope tenant = new SearchScope(tenantId, null);
		List<FieldValue> teamValues = teams.stream().map(FieldValue::of).toList();
		Query members = Query.of(q -> q.bool(b -> b
			.filter(f -> f.terms(t -> t.field(ContactDocument.TEAM_ID).terms(v -> v.value(teamValues))))
			.filter(f -> f.term(t -> t.field(ContactDocument.STATUS).value(ContactDocument.Status.ACTIVE.name())))));
		Set<String> contacts = new LinkedHashSet<>();
		List<FieldValue> after = null;
		while (true) {
			List<FieldValue> from = after;
			List<Hit<Void>> hits = search.search(tenant, SearchIndex.CONTACTS, members, s -> {
				s.size(SCAN_PAGE)
					.source(source -> source.fetch(false))
					.sort(sort -> sort.field(f -> f.field(ContactDocument.CONTACT_ID).order(SortOrder.Asc)));
				if (from != null) {
					s.searchAfter(from);
				}
			}, Void.class).hits().hits();
			hits.forEach(hit -> contacts.add(hit.sort().get(0).stringValue()));
			if (contacts.size() > MAX_SCOPED_CONTACTS) {
				throw new ScopeTooLargeException();
			}
			if (hits.size() < SCAN_PAGE) {
				return contacts;
			}
			after = hits.get(hits.size() - 1).sort();
		}
	}

	/**
	 * A team too large for one terms filter; a deployment limit, not the caller's fault.
	 */
	static final class ScopeTooLargeException extends RollcallException {

		ScopeTooLargeException() {
			super(ErrorCode.INTERNAL, "the requested teams have more than " + MAX_SCOPED_CONTACTS + " reps");
		}

	}

}
