/**
 * The GraphQL dashboard queries, one subpackage per feature (its controller, service,
 * Elasticsearch query and rows). This package holds what the features share: argument
 * checks, the caller's scoped and cached reads, and the filters and response readings
 * several queries use. It depends on no feature.
 * <p>
 * A feature's controller is a record of the services it maps to. Its service carries
 * {@code @PreAuthorize} on the class when everything it serves needs the scope; methods
 * that run without the caller's security context (batched joins, nested fields of an
 * authorized answer) are left unguarded and say so, and the service then guards its other
 * methods one by one.
 */
package io.rollcall.api.dashboard;
