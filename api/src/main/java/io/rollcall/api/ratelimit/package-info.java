/**
 * Rate limits: token buckets in Redis (the limiter's own scripts, one round trip per
 * request) per tenant and per client, charged the estimated cost of each GraphQL
 * operation and settled to its actual cost, and events per second for writes; a local
 * Bucket4j fallback when Redis is away.
 */
package io.rollcall.api.ratelimit;
