package io.rollcall.api.search;

import java.util.Set;

/**
 * What one request may read: a tenant and, for a manager or a {@code teamId} argument,
 * the set of contacts of the effective teams. Only {@link SearchScopes#resolve} makes
 * them (the constructor is package-private), so no dashboard query can name another
 * tenant, and the one way to see more of the tenant, {@link #tenantWide()}, is explicit.
 * Every search of an index about reps applies the contact set as a filter, in lists and
 * counts alike.
 */
public final class SearchScope {

	private final String tenantId;

	private final Set<String> contactIds;

	SearchScope(String tenantId, Set<String> contactIds) {
		this.tenantId = tenantId;
		this.contactIds = contactIds == null ? null : Set.copyOf(contactIds);
	}

	public String tenantId() {
		return tenantId;
	}

	/** The contacts visible to the request; {@code null} when the whole tenant is. */
	Set<String> contactIds() {
		return contactIds;
	}

	/**
	 * Whether the rep {@code contactId} is visible within this scope: the filter that
	 * searches apply, for what is read outside Elasticsearch (the change log).
	 */
	public boolean covers(String contactId) {
		return contactIds == null || contactIds.contains(contactId);
	}

	/**
	 * The same tenant without the contact filter, for tenant-wide facts that are not
	 * about reps, such as the lessons a program's events use (the curriculum must not
	 * change with who is looking).
	 */
	public SearchScope tenantWide() {
		return new SearchScope(tenantId, null);
	}

}
