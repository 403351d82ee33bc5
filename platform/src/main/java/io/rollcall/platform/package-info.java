/**
 * What the api and the indexer share to reach their stores: the connection to
 * Elasticsearch ({@code elasticsearch}) and to Redis ({@code redis}), each bound once
 * from {@code rollcall.*}, and {@link io.rollcall.platform.UnavailableException}, what
 * either says when a store cannot be reached.
 */
package io.rollcall.platform;
