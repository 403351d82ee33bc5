package io.rollcall.schema.stream;

/**
 * Redis names shared by the api and the indexer, all under one prefix (default
 * {@code rollcall:}) so several deployments or test runs can share a Redis without seeing
 * each other.
 * <p>
 * Keys that one command or script uses together share a Redis Cluster hash slot through a
 * hash tag, the part in braces: a tenant's keys carry {@code {<tenant>}} (its generation,
 * change log, floor, removed set, compliance hashes), a backfill's carry
 * {@code {backfill}} (the backfill stream, each load's progress and errors). The live
 * stream and the dead letters are single keys, used alone.
 */
public record IngestKeys(String prefix) {

	public static final String DEFAULT_PREFIX = "rollcall:";

	/** Live writes from the api: events, contacts and removals, in arrival order. */
	public String liveStream() {
		return prefix + "ingest";
	}

	/**
	 * History loads: consumed only when the live stream is idle, so they never starve it.
	 * In the slot of every load's progress: the loader appends a chunk and counts it in
	 * one script, the indexer acknowledges and counts in another.
	 */
	public String backfillStream() {
		return prefix + "{backfill}";
	}

	/**
	 * The progress of one backfill load (a hash: total, enqueued, applied, errors, last
	 * line enqueued, timestamps), shared by the loader and the indexer.
	 */
	public String backfillProgress(String backfillId) {
		return prefix + "{backfill}:" + backfillId;
	}

	/**
	 * The invalid lines of one backfill load (a list), each with its line number and
	 * field.
	 */
	public String backfillErrors(String backfillId) {
		return prefix + "{backfill}:" + backfillId + ":errors";
	}

	/** Items Elasticsearch refused for good, with the reason and the original payload. */
	public String deadLetterStream() {
		return prefix + "dead-letters";
	}

	/** The consumer group every indexer replica joins. */
	public String consumerGroup() {
		return "indexer";
	}

	/**
	 * Pub/sub channel on which the indexer confirms that a ticketed write is applied and
	 * visible.
	 */
	public String appliedChannel() {
		return prefix + "applied";
	}

	/** Pub/sub channel of per-tenant change notices, for caches and subscriptions. */
	public String changesChannel() {
		return prefix + "changes";
	}

	/**
	 * A tenant's write generation: bumped after every applied batch that touched the
	 * tenant. In the tenant's slot, with its change log.
	 */
	public String generation(String tenantId) {
		return prefix + "generation:{" + tenantId + "}";
	}

	/**
	 * What the api's dashboard cache keys answers by (a hash, see
	 * {@link GenerationFields}): a generation per program and per tenant-wide view,
	 * bumped by the indexer after the writes that change them are searchable. The tenant
	 * is the hash tag, so the api reads it in the same script as the tenant's rate-limit
	 * buckets (one Redis Cluster slot).
	 */
	public String cacheGenerations(String tenantId) {
		return prefix + "generations:{" + tenantId + "}";
	}

	/**
	 * A tenant's change log (a stream): every change that became visible, in order; its
	 * entry ids are the cursors clients resume from. The tenant is the hash tag, so the
	 * log and its floor share one Redis Cluster slot.
	 */
	public String changeLog(String tenantId) {
		return prefix + "changes:{" + tenantId + "}";
	}

	/**
	 * The id of the newest entry retention removed from a tenant's change log: a cursor
	 * older than it may have missed entries, which the api reports instead of a silent
	 * gap.
	 */
	public String changeLogFloor(String tenantId) {
		return prefix + "changes-floor:{" + tenantId + "}";
	}

	/**
	 * The contacts a tenant's change log has announced as removed (a set, in the log's
	 * slot): the append checks it in the same script, so nothing of a removed rep is
	 * logged after its removal, whichever replica appends last.
	 */
	public String changeLogRemoved(String tenantId) {
		return prefix + "changes-removed:{" + tenantId + "}";
	}

	/** The tenants that have a change log (a set), for retention to visit. */
	public String changeLogTenants() {
		return prefix + "changes-tenants";
	}

	/**
	 * The compliance status last logged for each rep of a program (a hash, contact id to
	 * status and generation), so a change is logged when, and only when, a status moves.
	 */
	public String complianceStatuses(String tenantId, String programId) {
		return prefix + "compliance:{" + tenantId + "}:" + programId;
	}

	/**
	 * Set once the reps of a program whose due date {@code dueDate} (epoch millis) has
	 * passed were moved to OVERDUE, so one replica does it once.
	 */
	public String complianceDueSweep(String tenantId, String programId, long dueDate) {
		return prefix + "compliance-due:{" + tenantId + "}:" + programId + ":" + dueDate;
	}

}
