package io.rollcall.api.ingest;

import io.rollcall.schema.program.Program;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/** {@code upsertProgram}: the same write as {@code PUT /v1/programs/{id}}. */
@Controller
record ProgramGraphQlController(IngestService ingest) {

	@MutationMapping
	ProgramReceipt upsertProgram(@Argument Program program, @Argument Consistency consistency) {
		WriteReceipt receipt = ingest.upsertProgram(program, consistency);
		return new ProgramReceipt(program.programId(), receipt.consistency());
	}

}
