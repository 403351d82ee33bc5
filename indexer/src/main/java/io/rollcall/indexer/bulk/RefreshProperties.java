package io.rollcall.indexer.bulk;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the consumer loops share refreshes (see {@link SharedRefresh}).
 *
 * @param coalesceInterval a refresh for runs nobody waits on starts at most this long
 * after the previous one started, and every run that arrives meanwhile shares it: under
 * steady load about four refreshes a second (each makes a new segment and empties the
 * shard request cache) instead of two per batch; a run with a write waiting for
 * visibility ({@code consistency=visible}) starts one at once. 0 shares only a refresh
 * not yet started.
 */
@ConfigurationProperties("rollcall.indexer.refresh")
public record RefreshProperties(@DefaultValue("250ms") Duration coalesceInterval) {
}
