/**
 * What every GraphQL subscription (over WebSocket, graphql-transport-ws) shares, whatever
 * it streams: the limits on subscriptions per connection and per tenant, and a graceful
 * shutdown that ends them with a reason so clients resume elsewhere.
 */
package io.rollcall.api.subscription;
