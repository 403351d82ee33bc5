/**
 * The OpenAPI 3.1 description of the REST API, served at {@code GET /v1/openapi.json}.
 */
package io.rollcall.api.openapi;
