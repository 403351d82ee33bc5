/**
 * Usage per OAuth client: requests, cost units spent, refusals by error code and events
 * written, counted in memory on each api instance, written to Redis hashes per client and
 * hour every second, and read back by hour or day ({@code usage}, {@code tenantUsage},
 * {@code GET /v1/usage}).
 */
package io.rollcall.api.usage;
