/**
 * What a GraphQL request learns from its first Redis round trip, which runs while the
 * request already executes: whether it is admitted (its rate-limit reservation) and the
 * tenant's cache generations read along with it; readers of Elasticsearch wait for it.
 */
package io.rollcall.api.admission;
