package io.rollcall.indexer.bulk;

/**
 * What became of one item.
 *
 * @param outcome the classification
 * @param reason for {@link Outcome#REJECTED} the Elasticsearch error type and reason, for
 * {@link Outcome#UNAVAILABLE} the last transient error; {@code null} otherwise
 */
public record ItemResult(Outcome outcome, String reason) {

	public enum Outcome {

		/** Written (created, updated or deleted). */
		APPLIED,
		/**
		 * A version conflict: the index already holds this or a newer revision (or a
		 * newer rollup generation). With external versioning that is the expected answer
		 * to a re-delivery or an out-of-order correction, so it counts as applied.
		 */
		ALREADY_APPLIED,
		/**
		 * Refused for good (mapping, illegal argument...): dead-lettered, never retried.
		 */
		REJECTED,
		/** Still failing transiently when the attempts ran out: left pending. */
		UNAVAILABLE,
		/** Not found when deleting: nothing to do. */
		NOT_FOUND,
		/**
		 * Not written on purpose: an event of a removed contact (never written, or
		 * deleted again).
		 */
		DROPPED;

		/** Whether the item needs no further work. */
		public boolean isDone() {
			return this != UNAVAILABLE;
		}

		/** Whether the item is now in the index (new or already there). */
		public boolean landed() {
			return this == APPLIED || this == ALREADY_APPLIED || this == NOT_FOUND;
		}

	}

	public static final ItemResult APPLIED = new ItemResult(Outcome.APPLIED, null);

	public static final ItemResult ALREADY_APPLIED = new ItemResult(Outcome.ALREADY_APPLIED, null);

	public static final ItemResult NOT_FOUND = new ItemResult(Outcome.NOT_FOUND, null);

	public static final ItemResult DROPPED = new ItemResult(Outcome.DROPPED, null);

	public static ItemResult unavailable(String reason) {
		return new ItemResult(Outcome.UNAVAILABLE, reason);
	}

}
