/**
 * Runs a real redis-server: the one on PATH, else the binary shipped in the
 * embedded-redis jar.
 */
package io.rollcall.devstack.redis;
