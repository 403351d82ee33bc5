/**
 * Dashboard results cached per program and per tenant-wide generation, with concurrent
 * identical misses sharing one computation.
 */
package io.rollcall.api.cache;
