package io.rollcall.indexer.removal;

import io.rollcall.platform.UnavailableException;
import java.util.Collection;
import java.util.Set;

/**
 * Which contacts are removed (their document is a tombstone). An interface so that the
 * decisions built on it are unit-tested without Elasticsearch.
 */
public interface Tombstones {

	/**
	 * The subset of {@code contacts} whose document is a tombstone.
	 * @throws UnavailableException when Elasticsearch kept failing
	 */
	Set<ContactKey> removed(Collection<ContactKey> contacts);

}
