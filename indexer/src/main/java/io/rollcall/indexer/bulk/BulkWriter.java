package io.rollcall.indexer.bulk;

import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import java.util.List;

/**
 * Applies bulk operations and says what became of each: an interface so that the
 * decisions built on top of it are unit-tested without Elasticsearch.
 */
public interface BulkWriter {

	/**
	 * Applies {@code operations}; the result list is parallel to them.
	 * @param operation names the operation in the retry counter
	 */
	List<ItemResult> write(String operation, List<BulkOperation> operations);

}
