package io.rollcall.api.dashboard.live;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Live dashboard tiles.
 *
 * @param minInterval the shortest time between two evaluations of one tile (one tenant,
 * caller scope, query and arguments), however many changes arrive: changes within it are
 * answered by one evaluation at its end, so a tenant writing thousands of events a second
 * costs each tile at most four searches a second by default
 */
@Validated
@ConfigurationProperties("rollcall.tiles")
record LiveTilesProperties(@DefaultValue("250ms") Duration minInterval) {
}
