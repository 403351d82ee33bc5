/**
 * The Lettuce client, built from the shared {@code rollcall.redis.*} keys, and its
 * health.
 */
package io.rollcall.indexer.redis;
