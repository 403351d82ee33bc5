package io.rollcall.api.security;

/**
 * The OAuth2 scopes of the api, as Spring authorities ({@code SCOPE_} + scope). Services
 * guard their methods with these, e.g. {@code @PreAuthorize(Scopes.HAS_ANALYTICS_READ)}.
 */
public final class Scopes {

	/** Read dashboards (GraphQL queries). */
	public static final String ANALYTICS_READ = "SCOPE_analytics:read";

	/** Write interaction events (POST /v1/events, recordEvents). */
	public static final String EVENTS_WRITE = "SCOPE_events:write";

	/** Write and remove contacts (/v1/contacts, upsertContact, removeContact). */
	public static final String CONTACTS_WRITE = "SCOPE_contacts:write";

	/**
	 * Read the usage of every client of the tenant (GET /v1/usage/tenant, tenantUsage); a
	 * client's own usage needs {@link #ANALYTICS_READ} only.
	 */
	public static final String USAGE_READ_TENANT = "SCOPE_usage:read-tenant";

	public static final String HAS_ANALYTICS_READ = "hasAuthority('" + ANALYTICS_READ + "')";

	public static final String HAS_EVENTS_WRITE = "hasAuthority('" + EVENTS_WRITE + "')";

	public static final String HAS_CONTACTS_WRITE = "hasAuthority('" + CONTACTS_WRITE + "')";

	public static final String HAS_USAGE_READ_TENANT = "hasAuthority('" + USAGE_READ_TENANT + "')";

	private Scopes() {
	}

}
