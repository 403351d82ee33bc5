/**
 * The benchmark: a local stack on loopback, a generated dataset, and one scenario class
 * per measurement, reported as medians and ratios measured in one run.
 */
package io.rollcall.bench;
