package io.rollcall.api.usage;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How usage is counted and kept.
 *
 * @param retention how long a client's hourly counters stay in Redis (each write renews
 * the expiry of its hour); also the longest range a usage read may span
 * @param flushInterval how often an api instance writes the counts it has gathered to
 * Redis in one pipelined batch; what a crashed instance had not yet written (at most this
 * long of its traffic) is lost, and a read sees other instances' counts this late
 */
@Validated
@ConfigurationProperties("rollcall.usage")
record UsageProperties(@DefaultValue("35d") @NotNull Duration retention,
		@DefaultValue("1s") @NotNull Duration flushInterval) {
}
