package io.rollcall.api.dashboard.compliance;

/**
 * A program's reps split by compliance with its required lessons.
 *
 * @param compliant reps that completed every required lesson
 * @param nonCompliant reps with any event in the program that miss at least one
 */
record ComplianceCounts(long compliant, long nonCompliant) {
}
