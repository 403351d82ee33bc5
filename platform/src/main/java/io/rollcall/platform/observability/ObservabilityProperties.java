package io.rollcall.platform.observability;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * What the metrics of both applications carry.
 *
 * @param taggedTenants the tenants whose metrics carry their own id as the {@code tenant}
 * tag (the largest ones, those an operator watches one by one); every other tenant is
 * tagged {@code other}, so the number of series stays bounded however many tenants sign
 * up. Empty by default: every tenant is {@code other}
 * @param dependencyProbeInterval how often Elasticsearch and Redis are checked for
 * {@code rollcall_dependency_up}; the check runs beside the scrape, never inside it, so a
 * hanging store cannot make the scrape itself time out
 * @param maxGraphqlOperationNames the most distinct GraphQL operation names an api
 * instance tags its request timer with; operation names are chosen by clients, so later
 * names are tagged {@code other}
 */
@Validated
@ConfigurationProperties("rollcall.observability")
public record ObservabilityProperties(@DefaultValue Set<String> taggedTenants,
		@DefaultValue("10s") Duration dependencyProbeInterval,
		@DefaultValue("50") @Positive int maxGraphqlOperationNames) {

	/** A tenant tagged by name must not be mistaken for all the others. */
	@AssertTrue(message = "tagged-tenants must not name a tenant \"" + TenantTags.OTHER + "\"")
	public boolean isOtherUntagged() {
		return this.taggedTenants == null || !this.taggedTenants.contains(TenantTags.OTHER);
	}

}
