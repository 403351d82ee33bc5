package io.rollcall.api.openapi;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /v1/openapi.json}: the REST API's OpenAPI 3.1 description, for any caller
 * with a valid token (like the GraphQL schema, it is not handed to anonymous callers).
 */
@RestController
class OpenApiController {

	private final OpenApiDocument document;

	OpenApiController(OpenApiDocument document) {
		this.document = document;
	}

	@GetMapping("/v1/openapi.json")
	ResponseEntity<byte[]> openApi() {
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(document.json());
	}

}
