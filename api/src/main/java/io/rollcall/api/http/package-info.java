/**
 * GraphQL over HTTP as its specification asks: POST and GET (queries only), the status
 * codes of {@code application/graphql-response+json}, and cacheable GET answers validated
 * by the tenant's cache generations.
 */
package io.rollcall.api.http;
