/**
 * OAuth2 resource server: JWT validation, scopes as authorities, and the
 * {@link io.rollcall.api.security.Caller} of a request.
 */
package io.rollcall.api.security;
