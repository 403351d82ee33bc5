package io.rollcall.api.openapi;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * What the OpenAPI description says of the environment.
 *
 * @param tokenUrl the token endpoint of the issuer's client-credentials flow, as tools
 * (Swagger UI, Postman, generated clients) should call it; the local stack's dev issuer
 * by default, e.g.
 * {@code https://keycloak.example.com/realms/<realm>/protocol/openid-connect/token},
 * {@code https://<tenant>.auth0.com/oauth/token} or
 * {@code https://<org>.okta.com/oauth2/<server-id>/v1/token} elsewhere
 */
@Validated
@ConfigurationProperties("rollcall.openapi")
record OpenApiProperties(@DefaultValue("http://127.0.0.1:9000/oauth2/token") @NotBlank String tokenUrl) {
}
