/**
 * Isolation beyond rate: a per-tenant bulkhead on Elasticsearch searches, a per-request
 * deadline and Elasticsearch's own search timeout, so a heavy tenant queues behind
 * itself.
 */
package io.rollcall.api.isolation;
