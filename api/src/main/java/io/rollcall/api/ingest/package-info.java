/**
 * Writes (REST and GraphQL mutations): validated whole, appended to the Redis ingest
 * stream, optionally awaited until visible.
 */
package io.rollcall.api.ingest;
