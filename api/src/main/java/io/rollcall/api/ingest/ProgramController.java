package io.rollcall.api.ingest;

import io.rollcall.api.error.BadUserInputException;
import io.rollcall.schema.program.Program;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code PUT /v1/programs/{id}}: a program's catalog entry, {@code {"name", "lessonIds",
 * "dueDate"}} (the id comes from the path; a {@code programId} in the body must match
 * it). Answers 202 when accepted, 200 when {@code ?consistency=visible} and visible.
 */
@RestController
class ProgramController {

	private static final JsonMapper JSON = JsonMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	private final IngestService ingest;

	private final RequestBodies bodies;

	ProgramController(IngestService ingest, RequestBodies bodies) {
		this.ingest = ingest;
		this.bodies = bodies;
	}

	@PutMapping(path = "/v1/programs/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<ProgramReceipt> upsertProgram(@PathVariable String id, InputStream body,
			@RequestHeader(name = "Content-Length", required = false) Long contentLength,
			@RequestParam(defaultValue = "accepted") String consistency) throws IOException {
		Consistency wanted = Consistency.parse(consistency);
		ProgramBody program;
		try {
			program = JSON.readValue(bodies.read(body, contentLength), ProgramBody.class);
		}
		catch (JacksonException e) {
			throw new BadUserInputException("the body is not a program: " + e.getOriginalMessage());
		}
		if (program == null) {
			throw new BadUserInputException("the body is not a program");
		}
		if (program.programId() != null && !program.programId().equals(id)) {
			throw new BadUserInputException("programId in the body differs from the path");
		}
		WriteReceipt receipt = ingest
			.upsertProgram(new Program(id, program.name(), program.lessonIds(), program.dueDate()), wanted);
		return ResponseEntity.status(receipt.consistency() == Consistency.VISIBLE ? HttpStatus.OK : HttpStatus.ACCEPTED)
			.body(new ProgramReceipt(id, receipt.consistency()));
	}

	/** The body of a PUT; {@code programId} is optional there. */
	record ProgramBody(String programId, String name, List<String> lessonIds, Instant dueDate) {
	}

}
