package io.rollcall.api.ingest;

/** GraphQL {@code UpsertProgramPayload}, and the REST answer to a program write. */
record ProgramReceipt(String programId, Consistency consistency) {
}
