/** Runs a real single-node Elasticsearch from the integ-test-zip distribution. */
package io.rollcall.devstack.elasticsearch;
