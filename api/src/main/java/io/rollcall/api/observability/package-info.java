/**
 * What the api tells operators beyond the shared meters: GraphQL request times by
 * operation ({@code rollcall_graphql_request_seconds}), open subscriptions, and the
 * tenant in the logging context of each request.
 */
package io.rollcall.api.observability;
