package io.rollcall.indexer.backfill;

/**
 * An invalid line of a backfill file.
 *
 * @param line the 1-based line number in the file
 * @param field the wire name of the offending field; {@code null} when the line as a
 * whole is unreadable
 * @param message what is wrong
 */
public record LineError(long line, String field, String message) {

	@Override
	public String toString() {
		return "line " + line + (field == null ? "" : ", field '" + field + "'") + ": " + message;
	}
}
