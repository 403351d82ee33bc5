/**
 * The one door to Elasticsearch ({@code TenantScopedSearch}): every search is routed to,
 * and filtered by, the caller's tenant and the request's scope, which
 * {@code SearchScopes} resolves. Dashboard features build their queries and read their
 * rows; only this package sends them.
 */
package io.rollcall.api.search;
