package io.rollcall.indexer.apply;

import io.rollcall.platform.UnavailableException;
import java.util.List;
import java.util.Set;

/**
 * Makes what a run wrote searchable and then announces it. An interface so that the
 * batch's decisions are unit-tested without Elasticsearch and Redis.
 */
interface Visibility {

	/**
	 * Refreshes the indices {@code changes} touched and recomputes the rollups of the
	 * contacts whose events landed, tenant by tenant.
	 * @return the tenants whose rollups could not be recomputed (Elasticsearch kept
	 * failing)
	 * @throws UnavailableException when a refresh kept failing: nothing is known to be
	 * searchable
	 */
	Set<String> makeSearchable(Changes changes);

	/**
	 * Logs and announces, once everything is searchable: the changes in each tenant's
	 * change log, the changed tenants' new generations and change notices, and the
	 * applied notice of every ticketed entry.
	 */
	void announce(List<EntryOutcome> outcomes, Changes changes);

}
