package io.rollcall.api.subscription;

import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Limits on GraphQL subscriptions (see docs/RATE-LIMITS.md). Each is counted on this api
 * instance, like the search bulkhead: with N replicas a tenant holds at most N times its
 * limit, and a client spread over them never more than it could hold on one.
 *
 * @param maxPerConnection subscriptions one WebSocket connection may hold at once; one
 * more is refused with {@code MAX_SUBSCRIPTIONS_PER_CONNECTION_EXCEEDED}
 * @param maxPerTenant subscriptions one tenant may hold at once on this instance, all its
 * connections together; one more is refused with
 * {@code MAX_SUBSCRIPTIONS_PER_TENANT_EXCEEDED}. Each costs a buffer that grows only
 * while its subscriber lags (see {@code rollcall.changes.subscriber-buffer}) and a share
 * of its tenant's one reader
 * @param warnOnly log subscriptions over a limit instead of refusing them (for rollout)
 * @param shutdownGrace how long a stopping instance waits, once it has ended every
 * subscription with {@code SHUTTING_DOWN}, for those last messages to leave before the
 * server closes the sockets
 */
@Validated
@ConfigurationProperties("rollcall.limits.subscriptions")
record SubscriptionLimitsProperties(@DefaultValue("100") @Min(1) int maxPerConnection,
		@DefaultValue("2000") @Min(1) int maxPerTenant, @DefaultValue("false") boolean warnOnly,
		@DefaultValue("1s") Duration shutdownGrace) {
}
