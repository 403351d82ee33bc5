/**
 * The one door to Elasticsearch: every request is routed to, and filtered by, the
 * caller's tenant.
 */
package io.rollcall.api.search;
