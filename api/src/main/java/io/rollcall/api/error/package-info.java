/**
 * One error taxonomy (stable codes) and the two places it is mapped: REST and GraphQL.
 */
package io.rollcall.api.error;
