/**
 * Runs a real Elasticsearch from the integ-test-zip distribution: a single node, or a
 * cluster of several nodes on loopback.
 */
package io.rollcall.devstack.elasticsearch;
