/**
 * The Rollcall api: the only public edge (OAuth2 resource server, REST ingest, GraphQL
 * dashboards).
 */
package io.rollcall.api;
