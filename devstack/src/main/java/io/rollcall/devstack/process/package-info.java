/**
 * Starts local processes that never outlive the JVM that started them, nor a crashed
 * earlier run.
 */
package io.rollcall.devstack.process;
