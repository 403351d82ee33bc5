/**
 * The manager's dashboard page served at {@code /}: static HTML and JavaScript modules
 * that sign in with OAuth2 PKCE and read the GraphQL API like any frontend.
 */
package io.rollcall.api.page;
