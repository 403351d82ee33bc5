/**
 * What the metrics of both applications share: the bounded {@code tenant} tag
 * ({@code rollcall.observability.tagged-tenants}) and whether Elasticsearch and Redis
 * answer ({@code rollcall_dependency_up}).
 */
package io.rollcall.platform.observability;
