package io.rollcall.api.ingest;

import io.rollcall.schema.json.BatchFormat;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * REST writes: {@code POST /v1/events}, {@code POST /v1/contacts} (a JSON array, or
 * NDJSON with {@code Content-Type: application/x-ndjson}) and {@code DELETE
 * /v1/contacts/{id}}. Answers 202 when accepted, 200 when {@code ?consistency=visible}
 * and visible.
 */
@RestController
class IngestController {

	static final String NDJSON = "application/x-ndjson";

	private final IngestService ingest;

	private final RequestBodies bodies;

	IngestController(IngestService ingest, RequestBodies bodies) {
		this.ingest = ingest;
		this.bodies = bodies;
	}

	@PostMapping(path = "/v1/events", consumes = { MediaType.APPLICATION_JSON_VALUE, NDJSON })
	ResponseEntity<WriteReceipt> recordEvents(InputStream body,
			@RequestHeader(name = "Content-Length", required = false) Long contentLength,
			@RequestHeader("Content-Type") MediaType contentType,
			@RequestParam(defaultValue = "accepted") String consistency) throws IOException {
		return answer(ingest.recordEvents(bodies.read(body, contentLength), format(contentType),
				Consistency.parse(consistency)));
	}

	@PostMapping(path = "/v1/contacts", consumes = { MediaType.APPLICATION_JSON_VALUE, NDJSON })
	ResponseEntity<WriteReceipt> upsertContacts(InputStream body,
			@RequestHeader(name = "Content-Length", required = false) Long contentLength,
			@RequestHeader("Content-Type") MediaType contentType,
			@RequestParam(defaultValue = "accepted") String consistency) throws IOException {
		return answer(ingest.upsertContacts(bodies.read(body, contentLength), format(contentType),
				Consistency.parse(consistency)));
	}

	@DeleteMapping("/v1/contacts/{id}")
	RemovalReceipt removeContact(@PathVariable String id, @RequestParam(required = false) Long version) {
		return ingest.removeContact(id, version);
	}

	private static BatchFormat format(MediaType contentType) {
		return contentType.isCompatibleWith(MediaType.parseMediaType(NDJSON)) ? BatchFormat.NDJSON
				: BatchFormat.JSON_ARRAY;
	}

	private static ResponseEntity<WriteReceipt> answer(WriteReceipt receipt) {
		return ResponseEntity.status(receipt.consistency() == Consistency.VISIBLE ? HttpStatus.OK : HttpStatus.ACCEPTED)
			.body(receipt);
	}

}
