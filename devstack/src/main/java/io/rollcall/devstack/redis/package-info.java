/**
 * Runs a real redis-server (the one on PATH, else the binary shipped in the
 * embedded-redis jar): one server, or a Redis Cluster of masters and replicas.
 */
package io.rollcall.devstack.redis;
