/**
 * GraphQL subscriptions over WebSocket: the indexer's change notices, fanned out to each
 * subscriber of the notice's tenant.
 */
package io.rollcall.api.subscription;
