package io.rollcall.schema.json;

/** How a batch is framed on the wire. */
public enum BatchFormat {

	/** One JSON array of objects ({@code application/json}). */
	JSON_ARRAY,
	/**
	 * One JSON object per line ({@code application/x-ndjson}); blank lines are ignored.
	 */
	NDJSON

}
