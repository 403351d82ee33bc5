/**
 * Persisted and trusted GraphQL documents: Apollo's automatic persisted queries for every
 * client (documents registered by their SHA-256 hash in Redis, shared by the api's
 * replicas), and per OAuth client a manifest of the only documents it may run.
 */
package io.rollcall.api.persisted;
