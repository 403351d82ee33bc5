/**
 * The Elasticsearch connection of both applications: {@code rollcall.elasticsearch.*}
 * bound once, handed to Spring Boot's Elasticsearch client auto-configuration as its
 * connection details, plus the names of Rollcall's indices.
 */
package io.rollcall.platform.elasticsearch;
