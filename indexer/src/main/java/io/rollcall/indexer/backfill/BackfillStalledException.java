package io.rollcall.indexer.backfill;

/**
 * The backfill stream stayed full for {@code queue-wait}: no indexer is draining it. The
 * load stops where it is and resumes from there when run again with the same id.
 */
public class BackfillStalledException extends RuntimeException {

	BackfillStalledException(String message) {
		super(message);
	}

}
