/**
 * The GraphQL dashboard queries, one subpackage per feature (its controller, service,
 * Elasticsearch query and rows). This package holds what the features share: argument
 * checks, the caller's scoped and cached reads, and the filters and response readings
 * several queries use. It depends on no feature.
 */
package io.rollcall.api.dashboard;
