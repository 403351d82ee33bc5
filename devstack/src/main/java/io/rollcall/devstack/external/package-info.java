/**
 * Elasticsearch and Redis that someone else runs, named by {@code ELASTICSEARCH_URL} and
 * {@code REDIS_URL}: the tests and the run command use them instead of starting their
 * own.
 */
package io.rollcall.devstack.external;
