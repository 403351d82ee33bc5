/**
 * The Lettuce client, built from the shared {@code rollcall.redis.*} keys, and the
 * indexer's shared connection (the {@code redis} health indicator is the platform's).
 */
package io.rollcall.indexer.redis;
