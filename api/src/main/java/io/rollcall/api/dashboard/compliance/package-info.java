/**
 * The {@code compliance} query: who completed every required lesson of a program, who did
 * not (a page at a time) and who is overdue.
 */
package io.rollcall.api.dashboard.compliance;
