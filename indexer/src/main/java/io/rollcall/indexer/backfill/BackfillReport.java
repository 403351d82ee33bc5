package io.rollcall.indexer.backfill;

import java.util.List;

/**
 * What one run of the loader did.
 *
 * @param resumedAfter the line this run started after (0 for a fresh load)
 * @param status the load's progress when the run ended
 * @param errors the invalid lines found by this run
 */
public record BackfillReport(long resumedAfter, BackfillStatus status, List<LineError> errors) {
}
