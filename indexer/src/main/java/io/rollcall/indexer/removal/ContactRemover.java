package io.rollcall.indexer.removal;

import io.rollcall.platform.UnavailableException;
import io.rollcall.schema.stream.ContactRemoval;

/**
 * Removes contacts. An interface so that the decisions built on it are unit-tested
 * without Elasticsearch.
 */
public interface ContactRemover {

	/**
	 * Removes {@code removal.contactId()} of {@code tenantId}; when this returns, no
	 * search shows the contact or its events any more.
	 * @throws UnavailableException when Elasticsearch kept failing; the entry stays
	 * pending
	 */
	RemovalOutcome remove(String tenantId, ContactRemoval removal);

}
