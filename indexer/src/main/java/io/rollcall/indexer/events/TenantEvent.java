package io.rollcall.indexer.events;

import io.rollcall.schema.event.InteractionEvent;
import java.time.Instant;

/**
 * An event to write, with what the stream entry it came in says about it.
 *
 * @param tenantId the tenant it belongs to
 * @param event the event
 * @param acceptedAt when the api accepted it
 */
public record TenantEvent(String tenantId, InteractionEvent event, Instant acceptedAt) {
}
