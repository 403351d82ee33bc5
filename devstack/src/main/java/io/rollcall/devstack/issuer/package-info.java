/**
 * A development OAuth2 issuer (Spring Authorization Server) issuing client-credentials
 * JWTs for demo tenants.
 */
package io.rollcall.devstack.issuer;
