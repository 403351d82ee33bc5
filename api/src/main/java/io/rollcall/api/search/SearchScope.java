package io.rollcall.api.search;

import java.util.Set;

/**
 * What one request may read: a tenant and, for a manager or a {@code teamId} argument,
 * the set of contacts of the effective teams. Only {@link TenantScopedSearch#scope} makes
 * them (the constructor is package-private), so a service cannot widen what its caller
 * may see; every search applies the contact set as a filter, in lists and counts alike.
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

	/** Whether the scope is known to match nothing (a team outside a manager's teams). */
	public boolean isEmpty() {
		return contactIds != null && contactIds.isEmpty();
	}

	/**
	 * The same tenant without the contact filter, for tenant-wide facts that are not
	 * about reps: a program's catalog, or the lessons a program's events use (the
	 * curriculum must not change with who is looking).
	 */
	SearchScope tenantWide() {
		return new SearchScope(tenantId, null);
	}

}
