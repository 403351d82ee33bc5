package io.rollcall.api.cost;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Limits of a GraphQL HTTP request body, checked before anything is parsed.
 *
 * @param maxBytes the largest {@code POST /graphql} body (document plus variables); more
 * is {@code PAYLOAD_TOO_LARGE} (HTTP 413). Dashboard operations are a few KB
 * @param warnOnly log oversized bodies and JSON-array batches instead of rejecting them
 * (a batch then fails as an unreadable body, since batching is not implemented)
 */
@Validated
@ConfigurationProperties("rollcall.limits.request")
record RequestLimitsProperties(@DefaultValue("256KB") DataSize maxBytes, @DefaultValue("false") boolean warnOnly) {
}
