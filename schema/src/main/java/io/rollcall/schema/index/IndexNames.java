package io.rollcall.schema.index;

/**
 * The indices of one deployment, all under one prefix (default {@code rollcall}; tests
 * add a random suffix per run). Every index is shared by tenants and routed by tenant id.
 */
public record IndexNames(String prefix) {

	public static final String DEFAULT_PREFIX = "rollcall";

	/** One document per event (latest revision). */
	public String events() {
		return prefix + "-events";
	}

	/** One document per contact, including tombstones of removed contacts. */
	public String contacts() {
		return prefix + "-contacts";
	}

	/**
	 * One rollup document per (tenant, program, contact), recomputed by the indexer from
	 * events.
	 */
	public String progress() {
		return prefix + "-progress";
	}

	/** One catalog entry per (tenant, program): name, ordered lessons, due date. */
	public String programs() {
		return prefix + "-programs";
	}

}
