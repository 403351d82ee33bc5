/**
 * One error taxonomy (stable codes), its one shape
 * ({@link io.rollcall.api.error.ApiError}) and its one translation of exceptions, used by
 * REST, GraphQL and the filters that answer before either.
 */
package io.rollcall.api.error;
