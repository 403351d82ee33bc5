/**
 * The Redis connection of both applications: {@code rollcall.redis.*} bound once, the
 * Lettuce clients built from it, and the names of Rollcall's keys.
 */
package io.rollcall.platform.redis;
