/**
 * Per-JVM shared services and the JUnit 5 extension that other modules' integration tests
 * use.
 */
package io.rollcall.devstack.junit;
