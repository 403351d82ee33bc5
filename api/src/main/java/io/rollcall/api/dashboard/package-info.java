/**
 * GraphQL dashboard queries: controllers map fields, services compute answers from
 * tenant-scoped searches.
 */
package io.rollcall.api.dashboard;
