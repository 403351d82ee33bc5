package io.rollcall.bench;

/** The ways a manager's question is answered. */
enum ReadPath {

	/** The gateway with its defaults. */
	GATEWAY("gateway"),
	/** The gateway's searches, straight to Elasticsearch. */
	DIRECT("direct"),
	/** Aggregations over the raw events, as a team without Rollcall would ask. */
	PLAIN("plain Elasticsearch");

	private final String label;

	ReadPath(String label) {
		this.label = label;
	}

	@Override
	public String toString() {
		return this.label;
	}

}
