package io.rollcall.platform.observability;

import java.util.Set;
import java.util.TreeSet;

/**
 * The {@code tenant} tag of a metric: the tenant's id when it is one of the
 * {@linkplain ObservabilityProperties#taggedTenants() tagged tenants}, {@code other}
 * otherwise. Tenant ids come from tokens and stream entries, so tagging them as they come
 * would give every new tenant its own series in every meter; the allow-list keeps the
 * series a fixed number.
 */
public final class TenantTags {

	/** The tag's name. */
	public static final String TAG = "tenant";

	/** The tag's value for every tenant that is not on the list. */
	public static final String OTHER = "other";

	private final Set<String> tagged;

	public TenantTags(Set<String> tagged) {
		this.tagged = Set.copyOf(tagged);
	}

	/**
	 * Every value the tag can take: the tagged tenants and {@code other}. Counters an
	 * alert watches with {@code increase()} are registered for each at start, at zero, so
	 * that their first event is an increase rather than a new series.
	 */
	public Set<String> values() {
		Set<String> values = new TreeSet<>(this.tagged);
		values.add(OTHER);
		return values;
	}

	/** The tag value of {@code tenantId}. */
	public String of(String tenantId) {
		return tenantId != null && this.tagged.contains(tenantId) ? tenantId : OTHER;
	}

}
