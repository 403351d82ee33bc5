/**
 * Rate limits: token buckets in Redis (Bucket4j over Lettuce) per tenant and per client,
 * charged the estimated cost of each GraphQL operation and settled to its actual cost,
 * and events per second for writes; a local fallback when Redis is away.
 */
package io.rollcall.api.ratelimit;
